import CoalitionGames
import Equilibria
import ExactArithmetic
import GameFormats
import RepeatedGames
import SolverBenchmarks
import Sharding
import StrategicGames

/// Why a set of parts cannot be merged: parts of different runs, duplicates, missing shards.
/// The message names the files and shards concerned.
public struct PartSetError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The merged result of a sharded run, ready to render.
public enum MergedRun: Sendable {
    /// `nash`: the equilibria as the unsharded run reports them.
    case nash(game: NormalFormGame, result: NashResult)
    /// Exact Shapley and Banzhaf values.
    case values(players: [String], values: CoalitionValues)
    /// A sampled estimate pooled over the streams.
    case sampled(players: [String], value: SampledValue, streams: Int)
    /// A tournament: each shard's per-pair results (the caller rebuilds the tournament from the
    /// parts' arguments and adds them with ``Tournament/merge(_:)``).
    case tournament(blocks: [[(outcomes: MatchOutcomes, repetitions: Int)]], stopReasons: [StopReason])
    /// A bench sweep: each shard's runs (the caller rebuilds the plan from the parts' arguments
    /// and merges them with ``BenchRunner/mergeShards(_:parts:)``).
    case bench([BenchShardPart])
}

/// Checks and merges the parts of one sharded run.
public enum ShardMerge {
    /// Orders the parts by shard index after checking that they are the k parts of one run:
    /// same command, method, parameters, game (hash) and shard count; no shard twice; none
    /// missing.
    /// - Throws: ``PartSetError`` naming the foreign, duplicate or missing parts.
    /// - Complexity: O(parts · size of the parameters).
    public static func check(_ parts: [PartFile]) throws(PartSetError) -> [PartFile] {
        guard let first = parts.first else { throw PartSetError("no part files given") }
        for p in parts.dropFirst() {
            if p.command != first.command || p.method != first.method {
                throw PartSetError("\(p.file) is a part of '\(p.command)' (\(p.method)), \(first.file) of '\(first.command)' (\(first.method)): parts of different runs")
            }
            if p.gameHash != first.gameHash {
                throw PartSetError("\(p.file) is a part of another game than \(first.file) (game hash \(short(p.gameHash)) vs \(short(first.gameHash)))")
            }
            if p.parameters != first.parameters {
                throw PartSetError("\(p.file) was run with other parameters than \(first.file): \(difference(p.parameters, first.parameters))")
            }
            if p.shard.count != first.shard.count {
                throw PartSetError("\(p.file) is shard \(p.shard) but \(first.file) is shard \(first.shard): parts of different shard counts")
            }
        }
        var byIndex: [Int: PartFile] = [:]
        for p in parts {
            if let other = byIndex[p.shard.index] {
                throw PartSetError("\(other.file) and \(p.file) are both shard \(p.shard): a shard was given twice")
            }
            byIndex[p.shard.index] = p
        }
        let k = first.shard.count
        let missing = (1...k).filter { byIndex[$0] == nil }
        if !missing.isEmpty {
            let names = missing.prefix(20).map { "\($0)/\(k)" }.joined(separator: ", ") + (missing.count > 20 ? ", ..." : "")
            throw PartSetError("missing \(missing.count == 1 ? "shard" : "\(missing.count) shards") \(names) of \(k) (given: \(parts.count) part\(parts.count == 1 ? "" : "s"))")
        }
        return (1...k).map { byIndex[$0]! }
    }

    static func short(_ hash: String) -> String {
        let digits = hash.split(separator: ":").last.map(String.init) ?? hash
        return String(digits.prefix(12))
    }

    /// The first parameter that differs, as `name: value vs value`.
    static func difference(_ a: JSONValue, _ b: JSONValue) -> String {
        if case .object(let x) = a, case .object(let y) = b {
            for (key, value) in x {
                let other = y.first { $0.0 == key }?.1
                if other != value { return "\(key) \(text(value)) vs \(other.map(text) ?? "(not set)")" }
            }
            for (key, value) in y where !x.contains(where: { $0.0 == key }) { return "\(key) (not set) vs \(text(value))" }
        }
        return "\(text(a)) vs \(text(b))"
    }

    static func text(_ v: JSONValue) -> String {
        var s = v.rendered()
        while s.last == "\n" { s.removeLast() }
        return s.count > 60 ? String(s.prefix(57)) + "..." : s
    }

    /// Merges checked parts (``check(_:)``) into the unsharded result.
    /// - Throws: ``PartSetError`` when the parts' contents contradict each other or their game
    ///   (an equilibrium that is not one, blocks that do not tile the table, an embedded game
    ///   whose hash is not the part's).
    public static func merge(_ parts: [PartFile]) throws(PartSetError) -> MergedRun {
        let parts = try check(parts)
        switch parts[0].payload {
        case .supportEnumeration(_, let game, let equalSizeOnly):
            var pieces: [SupportEnumerationPart] = []
            for p in parts {
                guard case .supportEnumeration(let piece, let g, _) = p.payload, strategicGameHash(g) == p.gameHash else {
                    throw PartSetError("\(p.file): its embedded game does not match its game hash")
                }
                pieces.append(piece)
            }
            guard let bimatrix = game.bimatrix else { throw PartSetError("\(parts[0].file): support enumeration parts hold two-player games") }
            do {
                return .nash(game: game, result: try SupportEnumeration(equalSizeOnly: equalSizeOnly).merge(bimatrix, parts: pieces))
            } catch {
                throw PartSetError("\(parts[error.part].file): \(error.message)")
            }
        case .nPlayerSupport(_, let game):
            var pieces: [NPlayerSupportPart] = []
            for p in parts {
                guard case .nPlayerSupport(let piece, let g) = p.payload, strategicGameHash(g) == p.gameHash else {
                    throw PartSetError("\(p.file): its embedded game does not match its game hash")
                }
                pieces.append(piece)
            }
            do {
                return .nash(game: game, result: try NPlayerSupportEnumeration.merge(game, parts: pieces))
            } catch {
                throw PartSetError("\(parts[error.part].file): \(error.message)")
            }
        case .extremeEquilibria(_, let game):
            var pieces: [ExtremeEquilibriaPart] = []
            for p in parts {
                guard case .extremeEquilibria(let piece, let g) = p.payload, strategicGameHash(g) == p.gameHash else {
                    throw PartSetError("\(p.file): its embedded game does not match its game hash")
                }
                for pair in piece.pairs where !(game.bimatrix?.isNashEquilibrium(row: pair.row, column: pair.column) ?? false) {
                    throw PartSetError("\(p.file): it lists a profile that is not an equilibrium of the game")
                }
                pieces.append(piece)
            }
            return .nash(game: game, result: ExtremeEquilibria.merge(game.bimatrix!, parts: pieces))
        case .coalitionSums(_, let players):
            var pieces: [CoalitionSumsPart] = []
            for p in parts {
                guard case .coalitionSums(let piece, _) = p.payload, piece.players == players.count,
                      piece.masks == p.shard.block(of: 1 << players.count) else {
                    throw PartSetError("\(p.file): its coalition block is not block \(p.shard) of the table")
                }
                pieces.append(piece)
            }
            guard pieces.allSatisfy({ $0.denominator == pieces[0].denominator }) else {
                throw PartSetError("the parts disagree on the table's common denominator")
            }
            return .values(players: players, values: TUGame.mergeShapleyAndBanzhaf(pieces))
        case .sampled(_, let players, _):
            var blocks: [SampledValue] = []
            var seed: UInt64 = 0
            for p in parts {
                guard case .sampled(let value, let ps, let stream) = p.payload, stream == p.shard.index, ps == players else {
                    throw PartSetError("\(p.file): its stream is not stream \(p.shard.index)")
                }
                blocks.append(value)
                if stream == 1 { seed = value.seed }
            }
            return .sampled(players: players, value: ValueSampler.pooled(blocks, seed: seed), streams: parts.count)
        case .tournament:
            var blocks: [[(outcomes: MatchOutcomes, repetitions: Int)]] = []
            for p in parts {
                guard case .tournament(let m) = p.payload else { throw PartSetError("\(p.file): not a tournament part") }
                blocks.append(m)
            }
            return .tournament(blocks: blocks, stopReasons: parts.map(\.stopReason))
        case .bench:
            var pieces: [BenchShardPart] = []
            for p in parts {
                guard case .bench(let piece) = p.payload, piece.runs.allSatisfy({ p.shard.owns($0.unit) }) else {
                    throw PartSetError("\(p.file): its runs are not those of shard \(p.shard)")
                }
                pieces.append(piece)
            }
            return .bench(pieces)
        }
    }
}
