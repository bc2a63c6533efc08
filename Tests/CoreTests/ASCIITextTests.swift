import Core
import Foundation
import XCTest

final class ASCIITextTests: XCTestCase {
    /// The byte-by-byte replacement gives what Foundation's search gives whenever it answers, next to every
    /// scalar of the first planes and of the joiners, variation selectors, emoji and tags; it declines only
    /// where a non-ASCII scalar follows the byte (a combining mark makes the byte part of a longer sequence).
    func testByteReplacementAgreesWithFoundation() {
        var scalars = (0...0x3400).compactMap(Unicode.Scalar.init)
        scalars += [0xAC00, 0xFB01, 0xFE0F, 0xFEFF, 0x1F600, 0x1F3FB, 0xE0041, 0xE0100].compactMap(Unicode.Scalar.init)
        for (byte, replacement) in [(UInt8(ascii: "\""), "\"\""), (UInt8(ascii: " "), "")] {
            let needle = String(UnicodeScalar(byte))
            for scalar in scalars {
                let other = String(Character(scalar))
                for text in [needle + other, other + needle, "a" + needle + other + "b", needle + needle + other, other + needle + "x" + needle] {
                    let expected = text.replacingOccurrences(of: needle, with: replacement)
                    if let fast = ASCIIText.replacingOccurrences(of: byte, with: replacement, in: text) {
                        XCTAssertEqual(fast, expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
                    } else {
                        XCTAssertFalse(scalar.isASCII, "declined \(text.debugDescription)")
                    }
                }
            }
        }
        XCTAssertEqual(ASCIIText.replacingOccurrences(of: UInt8(ascii: "\""), with: "\"\"", in: "il \"Piano\" città"), "il \"\"Piano\"\" città")
        XCTAssertEqual(ASCIIText.replacingOccurrences(of: UInt8(ascii: " "), with: "", in: ""), "")
    }

    func testNumberAndLetterCountsAreThoseOfTheCharacters() {
        var samples = ["", "a1", "1.234,56", "Missione 01", "a\r\nb", "\r\n1", "città 2024", "Ⅻ ½ ²", "١٢٣", "e\u{301}1", "👩‍👩‍👧 x"]
        samples += (0...0x7F).compactMap(Unicode.Scalar.init).map { "x\(Character($0))9" }
        for text in samples {
            let counts = ASCIIText.numberAndLetterCounts(text)
            XCTAssertEqual(counts.numbers, text.filter(\.isNumber).count, text.debugDescription)
            XCTAssertEqual(counts.letters, text.filter(\.isLetter).count, text.debugDescription)
        }
    }

    func testReadGivesTheBytesOfASCIITextOnly() {
        XCTAssertEqual(ASCIIText.read("1,5") { Array($0) }, Array("1,5".utf8))
        XCTAssertNil(ASCIIText.read("città") { Array($0) })
        XCTAssertTrue(ASCIIText.mayContain("a]b", UInt8(ascii: "]")))
        XCTAssertFalse(ASCIIText.mayContain("città", UInt8(ascii: "]")))
    }
}
