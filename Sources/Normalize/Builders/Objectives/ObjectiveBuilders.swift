extension DocumentNormalizer {
    /// Builders of `objective` and `indicator` records (and the staff lists of single objectives), most
    /// specific layouts first: each skips the items an earlier one claimed. Tables of one objective per row come
    /// last: a sheet may open with a header row over its one value row.
    static func objectiveBuilders(_ vocabulary: ObjectiveVocabulary) -> [RecordBuilder] {
        [LabeledObjectiveBuilder(vocabulary: vocabulary), ObjectiveSheetBuilder(vocabulary: vocabulary),
         ObjectiveTableBuilder(vocabulary: vocabulary)]
    }
}
