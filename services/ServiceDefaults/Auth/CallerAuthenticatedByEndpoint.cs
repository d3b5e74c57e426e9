namespace Platform.ServiceDefaults.Auth;

/// <summary>
/// Endpoint metadata: the endpoint takes no realm token and proves its caller itself, e.g. the
/// exchange inbox (hộp thư liên thông), which checks the sending agency's signature on the call.
/// Every caller without that proof, with or without a realm token, gets 401; the access-control
/// tests read this marker instead of treating the endpoint's AllowAnonymous as "open to all".
/// </summary>
public sealed record CallerAuthenticatedByEndpoint(string How);
