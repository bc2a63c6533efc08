/// Byte readings of ASCII text, the common case of cells and words: there each character is one byte and the
/// only numeric characters are 0-9. Every fast path built on these is checked in the tests against the
/// reading it stands for (characters, or Foundation's search).
public enum ASCIIText {
    /// `body` of the text's UTF-8 bytes when they are all ASCII (and stored contiguously), else nil.
    @inlinable
    public static func read<Result>(_ text: String, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Result) -> Result? {
        let result: Result?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? body(bytes[...]) : nil
        }
        return result ?? nil
    }

    @inlinable
    public static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// Whether the text holds the ASCII `byte` anywhere. A character equal to an ASCII one is that byte alone, so
    /// without the byte no character can match: a cheap test before a search by characters.
    @inlinable
    public static func mayContain(_ text: String, _ byte: UInt8) -> Bool { text.utf8.contains(byte) }

    /// How many characters of the text are numbers and how many letters. In ASCII those are the bytes 0-9 and
    /// A-Z, a-z (a CR LF pair, one character, is neither, as its two bytes are), so ASCII is counted by bytes.
    public static func numberAndLetterCounts(_ text: String) -> (numbers: Int, letters: Int) {
        read(text) { bytes in
            var numbers = 0, letters = 0
            for byte in bytes {
                if isDigit(byte) { numbers += 1 } else if isLetter(byte) { letters += 1 }
            }
            return (numbers: numbers, letters: letters)
        } ?? (numbers: text.filter(\.isNumber).count, letters: text.filter(\.isLetter).count)
    }

    @inlinable
    public static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    /// `text.replacingOccurrences(of: <byte>, with: replacement)` (Foundation) done byte by byte, when each
    /// occurrence of the ASCII `byte` is followed by an ASCII byte or ends the text; nil otherwise. Foundation
    /// compares composed character sequences: the byte followed by a combining mark is part of a longer one and
    /// is left as it is, which only the general search decides.
    public static func replacingOccurrences(of byte: UInt8, with replacement: String, in text: String) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        var previousWasByte = false
        for current in text.utf8 {
            if previousWasByte && current >= 0x80 { return nil }
            previousWasByte = current == byte
            if previousWasByte { output.append(contentsOf: replacement.utf8) } else { output.append(current) }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
