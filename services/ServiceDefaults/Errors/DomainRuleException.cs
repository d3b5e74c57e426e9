namespace Platform.ServiceDefaults.Errors;

/// <summary>
/// A business rule said no (an illegal status change, a duplicate number). The message is
/// shown to the person, so it is written in Vietnamese.
/// </summary>
public class DomainRuleException(string message, int statusCode = 409, string? code = null) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>A stable machine-readable code clients can switch on.</summary>
    public string? Code { get; } = code;
}
