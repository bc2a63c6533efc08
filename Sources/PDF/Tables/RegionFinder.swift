import Core

/// Finds where tables are on a page: frames of rulings first, then stacks of horizontal rules, then
/// runs of text lines whose words line up in columns.
struct RegionFinder {
    var settings: TableSettings

    /// Regions bounded by rulings, largest evidence first.
    func ruledRegions(rulings: [Ruling], words: [Word] = []) -> [TableRegion] {
        var regions: [TableRegion] = []
        var usedInFrames = Set<Ruling>()
        for component in RulingGraph.components(rulings, tolerance: settings.intersectionTolerance) {
            let horizontals = component.filter { $0.orientation == .horizontal }
            let verticals = component.filter { $0.orientation == .vertical }
            guard horizontals.count >= 2, verticals.count >= 2, let box = Rect.enclosing(component.map(\.box)),
                  box.width >= 20, box.height >= 10 else { continue }
            regions.append(TableRegion(kind: .lattice, box: box, rulings: component))
            usedInFrames.formUnion(component)
        }
        let loose = rulings.filter { !usedInFrames.contains($0) && $0.length >= settings.minRulingLength * 3 }
        let lines = VisualLines.lines(of: words)
        let stacks = RulingGraph.horizontalStacks(loose, maxGap: 400).flatMap { tableStacks($0, lines: lines) }
        for stack in stacks {
            guard let box = Rect.enclosing(stack.map(\.box)), box.height >= 10,
                  !regions.contains(where: { $0.box.intersects(box) }) else { continue }
            regions.append(TableRegion(kind: .ruledStack, box: box, rulings: stack))
        }
        return regions
    }

    /// A stack of rules is cut where the band between two of them holds no text (two tables, one under the
    /// other), and loses the bands at its top and bottom that hold no line of two cells or more (a heading
    /// under the running header's rule, a note under the table's last rule).
    func tableStacks(_ stack: [Ruling], lines: [VisualLine]) -> [[Ruling]] {
        let left = stack.map(\.start).min() ?? 0, right = stack.map(\.end).max() ?? 0
        let lines = lines.filter { $0.box.midX >= left && $0.box.midX <= right }
        guard !lines.isEmpty else { return [stack] }
        func band(_ upper: Ruling, _ lower: Ruling) -> [VisualLine] {
            lines.filter { $0.box.midY > upper.position && $0.box.midY < lower.position }
        }
        var parts: [[Ruling]] = [[stack[0]]]
        for (upper, lower) in zip(stack, stack.dropFirst()) {
            if band(upper, lower).isEmpty && lower.position - upper.position > settings.minCellSize {
                parts.append([lower])
            } else {
                parts[parts.count - 1].append(lower)
            }
        }
        let tabular = { (lines: [VisualLine]) in
            lines.contains { VisualLines.chunks(of: $0, gapRatio: settings.chunkGapRatio).count >= 2 }
        }
        return parts.map { part -> [Ruling] in
            var part = part
            while part.count >= 2, !tabular(band(part[0], part[1])) { part.removeFirst() }
            while part.count >= 2, !tabular(band(part[part.count - 2], part[part.count - 1])) { part.removeLast() }
            return part
        }.filter { $0.count >= 2 }
    }

    /// Runs of lines with two or more chunks whose gaps line up, among words outside ruled tables.
    func streamRegions(words: [Word]) -> [TableRegion] {
        let lines = VisualLines.lines(of: words)
        let chunked = lines.map { VisualLines.chunks(of: $0, gapRatio: settings.chunkGapRatio) }
        var regions: [TableRegion] = []
        var run: [Int] = []

        func closeRun() {
            for part in splitAtRepeatedHeader(run, lines: lines, chunked: chunked) {
                var part = part
                while let last = part.last, chunked[last].count < 2 { part.removeLast() }
                while let first = part.first, chunked[first].count < 2 { part.removeFirst() }
                let tabular = part.filter { chunked[$0].count >= 2 }.count
                if tabular >= settings.minStreamRows, let box = Rect.enclosing(part.map { lines[$0].box }) {
                    regions.append(TableRegion(kind: .stream, box: box, rulings: []))
                }
            }
            run = []
        }

        for i in lines.indices {
            let isTabular = chunked[i].count >= 2
            if let last = run.last {
                let gap = lines[i].box.y0 - lines[last].box.y1
                let close = gap <= settings.maxRowGapRatio * min(lines[i].height, lines[last].height)
                let sameSize = max(lines[i].fontSize, lines[last].fontSize) <= 1.3 * min(lines[i].fontSize, lines[last].fontSize)
                let runBox = Rect.enclosing(run.map { lines[$0].box })!
                let fitsInside = isTabular || lines[i].box.width < 0.6 * runBox.width
                if close && sameSize && fitsInside {
                    run.append(i)
                    continue
                }
                closeRun()
            }
            if isTabular { run = [i] }
        }
        closeRun()
        return regions
    }

    /// A run that repeats its header row holds several tables one after the other (one per Programma in a
    /// budget listing): a new table starts at each repetition, and the section title line just above a
    /// repetition belongs to neither, so it reaches the text blocks.
    private func splitAtRepeatedHeader(_ run: [Int], lines: [VisualLine], chunked: [[Chunk]]) -> [[Int]] {
        guard let headerIndex = run.first(where: { chunked[$0].count >= 2 }) else { return [run] }
        let header = RegionFinder.folded(lines[headerIndex])
        var parts: [[Int]] = [[]]
        for (position, i) in run.enumerated() {
            let isRepeat = i != headerIndex && RegionFinder.folded(lines[i]) == header
            if isRepeat {
                if let previous = parts[parts.count - 1].last, position > 0, run[position - 1] == previous, chunked[previous].count < 2 {
                    parts[parts.count - 1].removeLast()
                }
                parts.append([])
            }
            parts[parts.count - 1].append(i)
        }
        return parts
    }

    private static func folded(_ line: VisualLine) -> String {
        line.words.map(\.text).joined().lowercased()
    }
}
