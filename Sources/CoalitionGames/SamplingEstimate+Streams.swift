import ExactArithmetic
import Sharding

/// Sampled Shapley and Banzhaf values over k independent seeded streams: what k shards draw,
/// and how their estimates pool into one.
///
/// Split rule: `--samples N` over k streams gives stream j (1-based) the samples
/// ``Shard/block(of:)`` of N (N/k each, the first N mod k streams one more) drawn from its own
/// SplitMix64 stream seeded with ``Shard/streamSeed(_:stream:)`` (the seed itself for stream 1).
/// Shard j of k draws stream j; the unsharded run with `--streams k` draws all k streams in
/// order. Both pool the streams with ``pooled(_:seed:)``, so the merged result of k shards is
/// exactly, bit for bit, the unsharded k-stream result. With one stream (the default) the
/// sampler is the single stream of before; a k-stream estimate equals the one-stream estimate
/// of the same N only in distribution (other random numbers, same law).
extension ValueSampler {
    /// Stream `stream` of `streams` for `samples` samples in all: a sampled value of its share.
    public static func streamBlock(_ game: SamplableGame, banzhaf: Bool, samples: Int, seed: UInt64,
                                   stream: Shard) throws -> SampledValue {
        let count = stream.block(of: samples).count
        guard count >= 2 else {
            throw TUGameError.invalidRule("\(samples) samples over \(stream.count) streams leave stream \(stream.index) with \(count); at least 2 per stream, \(2 * stream.count) samples in all, are needed")
        }
        let s = Shard.streamSeed(seed, stream: stream.index)
        return banzhaf ? try ValueSampler.banzhaf(game, stop: .samples(count), seed: s)
            : try ValueSampler.shapley(game, stop: .samples(count), seed: s)
    }

    /// All `streams` streams in order, pooled: the unsharded k-stream estimate.
    public static func streams(_ game: SamplableGame, banzhaf: Bool, samples: Int, seed: UInt64, streams: Int) throws -> SampledValue {
        var blocks: [SampledValue] = []
        for j in 1...streams {
            blocks.append(try streamBlock(game, banzhaf: banzhaf, samples: samples, seed: seed, stream: try! Shard(index: j, count: streams)))
        }
        return pooled(blocks, seed: seed)
    }

    /// Pools the estimates of independent blocks (in the given order) into the estimate of all
    /// their samples: means weighted by counts, and the sums of squared deviations combined
    /// exactly by the parallel-variance formula of Chan, Golub & LeVeque ("Updating formulae
    /// and a pairwise algorithm for computing sample variances", 1979):
    /// M₂ = M₂ᵃ + M₂ᵇ + δ²·nᵃnᵇ/(nᵃ + nᵇ), δ = meanᵇ − meanᵃ. The confidence interval is then
    /// that of all samples together (normal approximation at the blocks' confidence). One block
    /// is returned unchanged.
    /// - Complexity: O(blocks · players).
    public static func pooled(_ blocks: [SampledValue], seed: UInt64) -> SampledValue {
        if blocks.count == 1 { return blocks[0] }
        let n = blocks[0].estimate.count
        var count = 0.0
        var mean = [Double](repeating: 0, count: n), m2 = [Double](repeating: 0, count: n)
        for b in blocks {
            let nb = Double(b.samples)
            let total = count + nb
            for i in 0..<n {
                let bm2 = b.standardDeviation[i] * b.standardDeviation[i] * (nb - 1)
                let delta = b.estimate[i] - mean[i]
                mean[i] += delta * nb / total
                m2[i] += bm2 + delta * delta * count * nb / total
            }
            count = total
        }
        let samples = blocks.reduce(0) { $0 + $1.samples }
        let confidence = blocks[0].confidence
        let z = normalQuantile(0.5 + confidence / 2)
        let sd = m2.map { ($0 / Double(max(samples - 1, 1))).squareRoot() }
        return SampledValue(estimate: mean, halfWidth: sd.map { z * $0 / Double(samples).squareRoot() },
                            standardDeviation: sd, confidence: confidence, samples: samples, seed: seed)
    }
}

extension SampledValue {
    /// A sampled value as stored in a part file (all fields as read back).
    public init(estimate: [Double], standardDeviation: [Double], halfWidth: [Double], confidence: Double, samples: Int, seed: UInt64) {
        self.init(estimate: estimate, halfWidth: halfWidth, standardDeviation: standardDeviation,
                  confidence: confidence, samples: samples, seed: seed)
    }
}
