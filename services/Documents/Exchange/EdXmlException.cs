using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Exchange;

/// <summary>A package that cannot be accepted; the problems go back to the sender as the refusal reason.</summary>
public sealed class EdXmlException(IReadOnlyList<string> problems)
    : DomainRuleException("Gói tin edXML không hợp lệ: " + string.Join("; ", problems), 400, "invalid-edxml")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
