using System.Xml.Linq;

namespace Platform.Documents.Exchange;

/// <summary>
/// A way to deliver an edXML package to an agency: straight to another instance of this platform over
/// HTTP, or (not built yet) through the provincial or national axis.
/// </summary>
public interface IExchangeChannel
{
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
