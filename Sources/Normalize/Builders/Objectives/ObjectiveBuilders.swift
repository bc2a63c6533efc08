extension DocumentNormalizer {
    /// Builders of `objective` and `indicator` records (and the staff lists of single objectives), most
    /// specific layouts first: each skips the items an earlier one claimed.
    static var objectiveBuilders: [RecordBuilder] { [LabeledObjectiveBuilder(), ObjectiveSheetBuilder()] }
}
