import Foundation
typealias NSNumberLike = NSNumber
