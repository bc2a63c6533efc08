/// Byte readings of ASCII text, the common case of the words of a page: there each character is one byte and
/// the only numeric characters are 0-9. The tests check every fast path against its character reading.
enum ASCIIText {
    /// `body` of the text's UTF-8 bytes when they are all ASCII (and stored contiguously), else nil.
    static func read<Result>(_ text: String, _ body: (Slice<UnsafeBufferPointer<UInt8>>) -> Result) -> Result? {
        let result: Result?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.allSatisfy { $0 < 0x80 } ? body(bytes[...]) : nil
        }
        return result ?? nil
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}
