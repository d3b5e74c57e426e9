using System.Xml.Linq;

namespace Platform.Documents.Exchange;

/// <summary>
/// A way to deliver an edXML package to an agency: straight to another instance of this platform over
/// HTTP (<see cref="HttpExchangeChannel"/>), or through the provincial (LGSP) or national (VDXP) axis: an
/// adapter for an axis implements this interface and is registered beside the HTTP one; the dispatcher
/// uses the first registered channel that reaches the recipient.
/// </summary>
public interface IExchangeChannel
{
    /// <summary>Whether this channel can carry packages to the agency (a direct endpoint, or membership of the axis).</summary>
    bool Reaches(Agency recipient);

    Task<DeliveryResult> SendAsync(Agency recipient, XDocument package, CancellationToken cancellationToken);
}

/// <summary>What one delivery attempt came to.</summary>
public abstract record DeliveryResult
{
    /// <summary>The recipient took the package and answered with its first feedback (normally 01).</summary>
    public sealed record Delivered(FeedbackStatus Feedback) : DeliveryResult;

    /// <summary>The recipient looked at the package and said no; sending it again will not help.</summary>
    public sealed record Rejected(string Reason) : DeliveryResult;

    /// <summary>The recipient could not be reached or was failing; try again later.</summary>
    public sealed record Unreachable(string Error) : DeliveryResult;
}
