using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Files;

/// <summary>Why the file store failed a request.</summary>
public enum FileStoreFailure
{
    /// <summary>Down, overloaded or too slow (5xx, timeout, connection refused): worth retrying later.</summary>
    Unavailable,

    /// <summary>It answered but refused us (403, a wrong bucket, a bad signature): configuration, not load.</summary>
    Refused,
}

/// <summary>
/// The file store could not do its job. It is a <see cref="DomainRuleException"/> so the shared
/// ProblemDetails handler answers 503 or 502 with a Vietnamese message instead of a bare 500;
/// the store logs the technical detail (status, S3 error code) before throwing.
/// </summary>
public sealed class FileStoreException(FileStoreFailure failure)
    : DomainRuleException(MessageOf(failure), failure == FileStoreFailure.Unavailable ? 503 : 502,
        failure == FileStoreFailure.Unavailable ? "file-store-unavailable" : "file-store-refused")
{
    public FileStoreFailure Failure { get; } = failure;

    private static string MessageOf(FileStoreFailure failure) => failure == FileStoreFailure.Unavailable
        ? "Kho lưu trữ tệp tạm thời không trả lời; tệp chưa được đọc hoặc ghi. Vui lòng thử lại sau ít phút."
        : "Kho lưu trữ tệp từ chối yêu cầu (khóa truy cập, quyền hoặc tên bucket chưa đúng). Vui lòng báo quản trị hệ thống.";
}
