extension DocumentNormalizer {
    /// Builders of `objective` and `indicator` records (and the staff lists of single objectives).
    static var objectiveBuilders: [RecordBuilder] { [] }
}
