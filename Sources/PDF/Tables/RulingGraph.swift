import Core

/// Rulings grouped into connected frames (a vertical and a horizontal ruling connect where they meet).
enum RulingGraph {
    /// Drops link and emphasis underlines: short horizontal rulings that run end to end under words, between
    /// their baseline and the bottom of their box (a table rule runs below the box).
    static func removingUnderlines(_ rulings: [Ruling], words: [Word], pageWidth: Double) -> [Ruling] {
        rulings.filter { ruling in
            guard ruling.orientation == .horizontal, ruling.length < pageWidth * 0.6 else { return true }
            let under = words.filter {
                ruling.position <= $0.box.y1 + 1 && ruling.position >= $0.box.midY && $0.box.x1 > ruling.start && $0.box.x0 < ruling.end
            }
            guard let first = under.min(by: { $0.box.x0 < $1.box.x0 }), let last = under.max(by: { $0.box.x1 < $1.box.x1 }) else {
                return true
            }
            return !(abs(first.box.x0 - ruling.start) <= 3 && abs(last.box.x1 - ruling.end) <= 3)
        }
    }

    /// Connected components of horizontal and vertical rulings.
    static func components(_ rulings: [Ruling], tolerance: Double) -> [[Ruling]] {
        var parent = Array(rulings.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        for i in rulings.indices where rulings[i].orientation == .horizontal {
            for j in rulings.indices where rulings[j].orientation == .vertical && meet(rulings[i], rulings[j], tolerance) {
                parent[root(i)] = root(j)
            }
        }
        var groups: [Int: [Ruling]] = [:]
        for i in rulings.indices { groups[root(i), default: []].append(rulings[i]) }
        return groups.values.sorted { ($0.map(\.box.y0).min() ?? 0) < ($1.map(\.box.y0).min() ?? 0) }
    }

    static func meet(_ horizontal: Ruling, _ vertical: Ruling, _ tolerance: Double) -> Bool {
        vertical.position >= horizontal.start - tolerance && vertical.position <= horizontal.end + tolerance
            && horizontal.position >= vertical.start - tolerance && horizontal.position <= vertical.end + tolerance
    }

    /// Horizontal rulings of similar extent stacked one under the other: the top, header and bottom
    /// rules of a table drawn without vertical lines. A rule joins the stack whose widest rule it spans
    /// (most of the longer of the two), or lies inside that widest rule (a rule under a group of columns); a
    /// rule reaching past it (the running header's over the table's first) joins none.
    static func horizontalStacks(_ rulings: [Ruling], maxGap: Double) -> [[Ruling]] {
        let horizontals = rulings.filter { $0.orientation == .horizontal }.sorted { $0.position < $1.position }
        var stacks: [(rules: [Ruling], widest: Ruling)] = []
        for ruling in horizontals {
            if let index = stacks.lastIndex(where: { joins(ruling, widest: $0.widest) && ruling.position - $0.rules.last!.position <= maxGap }) {
                stacks[index].rules.append(ruling)
                if ruling.length > stacks[index].widest.length { stacks[index].widest = ruling }
            } else {
                stacks.append(([ruling], ruling))
            }
        }
        return stacks.map(\.rules).filter { $0.count >= 2 }
    }

    private static func joins(_ ruling: Ruling, widest: Ruling) -> Bool {
        let overlap = min(ruling.end, widest.end) - max(ruling.start, widest.start)
        let longer = max(ruling.length, widest.length)
        return overlap >= 0.7 * longer || overlap >= ruling.length - 1
    }

}
