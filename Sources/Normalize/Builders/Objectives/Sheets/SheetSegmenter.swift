import Core

/// One objective sheet: the lines from the announcement that opened it to the line that closed it, with the
/// codes and summary rows in force there.
struct SheetSegment {
    struct Entry {
        var line: SheetLine
        var role: SheetLineRole
        /// The lines the role covers, `line` first (a label or header the extraction split over rows).
        var covered: ArraySlice<SheetLine>
    }

    var opening: SheetLine
    var announcement: ObjectiveAnnouncement
    var mission: String?
    var program: String?
    /// The sheet's number: the opening announcement's, or the first later one's when that gave none.
    var code: String?
    var entries: [Entry] = []
    /// Summary-table rows read before the sheet closed: the ones its weight may come from.
    var summaryWeights: [SummaryWeightRow] = []
}

/// What the segmenter needs to know of a sheet read so far: whether it has a title, and its number.
struct SheetSummary {
    var hasTitle: Bool
    var code: String?
}

/// The second pass of the sheet builder: cuts the classified stream into sheets. An announcement opens a sheet;
/// a main heading or an announcement of another objective closes it. An announcement that repeats the open
/// sheet's number, or comes before the sheet has a title, continues it (a sheet carried over pages repeats its
/// heading); lines outside every sheet are left to other builders.
struct SheetSegmenter {
    let classifier: SheetLineClassifier
    /// Reads a sheet so far (the third pass), for the announcements that depend on what it holds.
    let summarize: (SheetSegment) -> SheetSummary

    func segments(of lines: [SheetLine]) -> [SheetSegment] {
        var cutting = Cutting(summarize: summarize)
        var index = 0
        while index < lines.count {
            index += cutting.step(lines, at: index, classifier: classifier)
        }
        cutting.close()
        return cutting.segments
    }

    private struct Cutting {
        let summarize: (SheetSegment) -> SheetSummary
        var segments: [SheetSegment] = []
        var open: SheetSegment?
        var mission: String?
        var program: String?
        var summaryWeights: [SummaryWeightRow] = []
        /// Whether a sheet with a title was closed, and the number of the last one (with the sheets it absorbs).
        var hasTitledSheet = false
        var lastTitledCode: String?

        /// Reads the line at `index`; returns how many lines it used.
        mutating func step(_ lines: [SheetLine], at index: Int, classifier: SheetLineClassifier) -> Int {
            let line = lines[index]
            guard !line.isEmpty else { return 1 }
            let frame = classifier.frame(of: line)
            if frame.isMainHeading {
                close()
                if frame.clearsCodes { mission = nil; program = nil }
            }
            if let codes = frame.codes {
                apply(codes)
                return 1
            }
            if let row = frame.summaryWeight { summaryWeights.append(row) }
            if let announcement = frame.announcement {
                announce(announcement, at: line)
                return 1
            }
            guard open != nil else { return 1 }
            let (role, span) = classifier.role(of: lines, at: index)
            open?.entries.append(SheetSegment.Entry(line: line, role: role, covered: lines[index..<(index + span)]))
            return span
        }

        private mutating func apply(_ codes: ProgrammeCodes) {
            switch codes {
            case .mission(let code):
                mission = code
                program = nil
            case .missionAndProgram(let missionCode, let programCode):
                mission = missionCode
                program = programCode
            case .program(let code):
                program = code
            }
        }

        private mutating func announce(_ announcement: ObjectiveAnnouncement, at line: SheetLine) {
            if var sheet = open {
                let summary = summarize(sheet)
                let sameCode = announcement.code != nil && announcement.code == sheet.code
                // A heading without a number after a numbered objective ("OBIETTIVO DI MIGLIORAMENTO 2023" over
                // the later tables of "1. OBIETTIVO …") opens an untitled page of it: a numbered announcement ends
                // that page rather than taking its rows.
                let continuesPrevious = !summary.hasTitle && sheet.code == nil && announcement.code != nil && lastTitledCode != nil
                let compatible = (announcement.code == nil || sheet.code == nil || sameCode) && !continuesPrevious
                if summary.hasTitle ? sameCode : compatible {
                    sheet.entries.append(SheetSegment.Entry(line: line, role: .announcement(announcement), covered: [line]))
                    if sheet.code == nil { sheet.code = announcement.code }
                    open = sheet
                    return
                }
                close()
            }
            open = SheetSegment(opening: line, announcement: announcement, mission: mission, program: program,
                                code: announcement.code)
        }

        mutating func close() {
            guard var sheet = open else { return }
            open = nil
            sheet.summaryWeights = summaryWeights
            segments.append(sheet)
            let summary = summarize(sheet)
            if summary.hasTitle {
                hasTitledSheet = true
                lastTitledCode = summary.code
            } else if hasTitledSheet {
                lastTitledCode = lastTitledCode ?? summary.code
            }
        }
    }
}
