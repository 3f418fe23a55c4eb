/// The engine benchmarks; see README.md.
enum Bench {
    static func run(_ options: BenchOptions) -> Int32 {
        FileStream.standardError.write("blueprint bench: not built yet\n")
        return 1
    }
}
