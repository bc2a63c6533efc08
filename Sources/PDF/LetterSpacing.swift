import Core

/// Letter-spaced text ("O B I E T T I V I   A R E A", a heading set with wide tracking) comes out of poppler
/// as one word per letter. A run of one-letter words (three in four at least) on a line whose gaps are small for the font size is one
/// spaced-out text: its letters are joined into words, the wider gaps between them being the word breaks.
struct LetterSpacing {
    /// Fewest one-letter words in a run read as letter-spaced.
    var minimumRun = 4
    /// Widest gap between two letters of one word, as a fraction of the font size.
    var maximumLetterGap = 0.6
    /// Widest gap inside one letter-spaced run (a word break included), as a fraction of the font size.
    var maximumRunGap = 2.5
    /// A gap wider than the run's letter gap by this fraction of the font size is a word break.
    var wordBreakExcess = 0.2

    /// Fewest one-letter words in a run that goes on a letter-spaced heading already read on the same line, in
    /// its font: the reading order may cut a heading into pieces ("P A R T E  S P E S A" … "D E L").
    var minimumContinuingRun = 2

    /// A letter-spaced run read on a line: where and in what font shorter runs continue it.
    struct SpacedRun: Equatable {
        var font: FontInfo
        var box: Rect
    }

    /// The line's words with letter-spaced runs joined, in the same order.
    func join(_ words: [Word]) -> [Word] { join(words, after: nil).words }

    /// `join`, told the letter-spaced run read last (on an earlier piece of the same line, perhaps); gives the
    /// last run it joined, or the one it was told.
    func join(_ words: [Word], after spaced: SpacedRun?) -> (words: [Word], spaced: SpacedRun?) {
        var result: [Word] = []
        var run: [Word] = []
        var spaced = spaced
        func flush() {
            let singles = run.filter { $0.text.count == 1 }.count
            let minimum = run.first.map { continues(spaced, with: $0) } == true ? minimumContinuingRun : minimumRun
            let joined = singles >= minimum && singles * 4 >= run.count * 3 ? joinedRun(run) : run
            if joined.count < run.count, let box = Rect.enclosing(run.map(\.box)) { spaced = SpacedRun(font: run[0].font, box: box) }
            result += joined
            run.removeAll()
        }
        for word in words {
            if isLetter(word), let last = run.last, !fitsRun(word, after: last) { flush() }
            if isLetter(word) { run.append(word) } else { flush(); result.append(word) }
        }
        flush()
        return (result, spaced)
    }

    /// Same font, and on the same line as the run read before.
    private func continues(_ spaced: SpacedRun?, with word: Word) -> Bool {
        guard let spaced, spaced.font == word.font else { return false }
        return word.box.verticalOverlap(spaced.box) > 0.5 * min(word.box.height, spaced.box.height)
    }

    /// One letter, or two that kerning set closer than the tracking ("AT" in "A M M I N I S T R AT I VA").
    private func isLetter(_ word: Word) -> Bool { word.text.count <= 2 && word.text.allSatisfy(\.isLetter) }

    private func fitsRun(_ word: Word, after last: Word) -> Bool {
        let size = max(1, word.font.size)
        let gap = word.box.x0 - last.box.x1
        return word.font == last.font && gap >= 0 && gap <= maximumRunGap * size
            && word.box.verticalOverlap(last.box) > 0.5 * min(word.box.height, last.box.height)
    }

    /// Letters joined where the gap is the run's letter gap, split where it is wider; a run whose gaps are all
    /// too wide for letters of one word is left as it is.
    private func joinedRun(_ run: [Word]) -> [Word] {
        let size = max(1, run[0].font.size)
        let gaps = zip(run, run.dropFirst()).map { $1.box.x0 - $0.box.x1 }
        let letterGap = gaps.sorted()[gaps.count / 2 > 0 && gaps.count % 2 == 0 ? gaps.count / 2 - 1 : gaps.count / 2]
        guard letterGap <= maximumLetterGap * size else { return run }
        var groups: [[Word]] = [[run[0]]]
        for (word, gap) in zip(run.dropFirst(), gaps) {
            if gap > letterGap + wordBreakExcess * size { groups.append([word]) } else { groups[groups.count - 1].append(word) }
        }
        return groups.map { group in
            guard group.count > 1, let box = Rect.enclosing(group.map(\.box)) else { return group[0] }
            return Word(text: group.map(\.text).joined(), box: box, font: group[0].font, order: group[0].order, isVertical: false,
                        rotation: group[0].rotation)
        }
    }
}
