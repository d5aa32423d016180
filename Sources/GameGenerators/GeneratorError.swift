/// Why a game could not be generated: parameters out of range, or a family whose generator is
/// not part of this build.
public enum GeneratorError: Error, Equatable, CustomStringConvertible {
    /// A parameter is out of range (the message names it and its allowed range).
    case invalidParameter(String)
    /// The requested game would be larger than GameSolve stores.
    case tooLarge(String)
    /// The family is known but its generator is not available in this build.
    case unavailable(family: String, reason: String)

    public var description: String {
        switch self {
        case .invalidParameter(let what): return what
        case .tooLarge(let what): return what
        case .unavailable(let family, let reason): return "the \(family) generator is not available: \(reason)"
        }
    }
}
