import Testing
@testable import Sharding

@Suite struct ShardTests {
    @Test func parsesAndRejects() throws {
        let s = try Shard(parsing: "2/3")
        #expect(s.index == 2 && s.count == 3)
        #expect(throws: ShardError.self) { try Shard(parsing: "0/3") }
        #expect(throws: ShardError.self) { try Shard(parsing: "4/3") }
        #expect(throws: ShardError.self) { try Shard(parsing: "a/b") }
    }

    @Test func blocksPartitionInOrder() throws {
        for total in [0, 1, 7, 100, 1 << 20] {
            for k in [1, 2, 3, 7] {
                var next = 0
                for i in 1...k {
                    let b = try Shard(index: i, count: k).block(of: total)
                    #expect(b.lowerBound == next)
                    next = b.upperBound
                }
                #expect(next == total)
            }
        }
    }

    @Test func environment() throws {
        let slurm = try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "4", "SLURM_ARRAY_TASK_COUNT": "3"], count: nil)
        #expect(slurm == (try Shard(index: 2, count: 3)))
        let k8s = try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "0"], count: 4)
        #expect(k8s == (try Shard(index: 1, count: 4)))
        #expect(throws: ShardError.self) { try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "0"], count: nil) }
        #expect(throws: ShardError.self) { try Shard.fromEnvironment([:], count: nil) }
        #expect(throws: ShardError.self) {
            try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "3"], count: 4)
        }
    }

    @Test func sha256KnownAnswers() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(String(repeating: "a", count: 1000)) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    @Test func streamSeeds() {
        #expect(Shard.streamSeed(42, stream: 1) == 42)
        let seeds = (1...100).map { Shard.streamSeed(42, stream: $0) }
        #expect(Set(seeds).count == 100)
    }
}
