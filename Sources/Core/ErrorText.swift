import Foundation

/// Error texts for people: the reason of a Foundation or POSIX error in words ("No such file or directory"),
/// never an `NSError` dump ("Error Domain=NSCocoaErrorDomain Code=260 …", "The operation could not be
/// completed"). Errors of this project (`CustomStringConvertible` structs) keep their own description.
public enum ErrorText {
    public static func reason(_ error: Error) -> String {
        if let error = error as? CocoaError { return cocoa(error.code.rawValue, underlying: error.userInfo[NSUnderlyingErrorKey]) }
        if let error = error as? POSIXError { return posix(error.code.rawValue) }
        if type(of: error) is NSError.Type {
            let nsError = error as NSError
            if nsError.domain == NSPOSIXErrorDomain { return posix(Int32(nsError.code)) }
            if nsError.domain == NSCocoaErrorDomain { return cocoa(nsError.code, underlying: nsError.userInfo[NSUnderlyingErrorKey]) }
            return "error \(nsError.code) (\(nsError.domain))"
        }
        if let error = error as? CustomStringConvertible { return error.description }
        return String(describing: error)
    }

    static func posix(_ code: Int32) -> String { String(cString: strerror(code)) }

    static func cocoa(_ code: Int, underlying: Any?) -> String {
        if let underlying = underlying as? NSError, underlying.domain == NSPOSIXErrorDomain { return posix(Int32(underlying.code)) }
        if let underlying = underlying as? POSIXError { return posix(underlying.code.rawValue) }
        switch CocoaError.Code(rawValue: code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return posix(ENOENT)
        case .fileReadNoPermission, .fileWriteNoPermission: return posix(EACCES)
        case .fileWriteFileExists: return posix(EEXIST)
        case .fileWriteOutOfSpace: return posix(ENOSPC)
        case .fileWriteVolumeReadOnly: return posix(EROFS)
        case .fileReadTooLarge: return "the file is too large"
        case .fileReadCorruptFile: return "the content is not in the expected format"
        case .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding: return "not valid UTF-8 text"
        case .fileLocking: return "the file is locked"
        case .propertyListReadCorrupt: return "not valid JSON"
        default: return "file error \(code)"
        }
    }
}
