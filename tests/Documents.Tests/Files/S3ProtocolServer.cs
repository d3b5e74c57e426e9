using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Documents.Files.ObjectStorage;

namespace Platform.Documents.Tests.Files;

/// <summary>
/// The part of the S3 REST protocol the file store uses (PUT, GET and HEAD of an object), on a
/// loopback port, checking every request as S3 does: the SigV4 signature recomputed from what
/// arrived on the wire, the credential scope, the request time, and the body against its
/// <c>x-amz-content-sha256</c>. Errors come back as S3's XML error bodies. Buckets are told apart
/// by path (path-style) or by the Host header (virtual-hosted).
/// </summary>
public sealed class S3ProtocolServer : IAsyncDisposable
{
    public const string AccessKey = "PLATFORMTESTKEY";
    public const string SecretKey = "platform-test-secret/0123456789";
    public const string Region = "ap-southeast-1";
    public const string Bucket = "van-ban";

    private readonly WebApplication _app;

    private S3ProtocolServer(WebApplication app) => _app = app;

    /// <summary>Stored objects by bucket/key.</summary>
    public ConcurrentDictionary<string, byte[]> Objects { get; } = new();

    /// <summary>"METHOD raw-target" of every request, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>When set, every request is answered with this status and error code (an outage, a refusal).</summary>
    public (int Status, string Code)? Failure { get; set; }

    /// <summary>When set, answers wait this long (a server that hangs).</summary>
    public TimeSpan? Delay { get; set; }

    public Uri Endpoint { get; private set; } = null!;

    public int Port => Endpoint.Port;

    public static async Task<S3ProtocolServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new S3ProtocolServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Endpoint = new Uri(address);
        return server;
    }

    public ObjectStorageOptions Options(bool pathStyle = true, string secretKey = SecretKey, string bucket = Bucket) => new()
    {
        Endpoint = pathStyle ? Endpoint : new Uri($"http://s3.test:{Port}"),
        Bucket = bucket,
        Region = Region,
        AccessKey = AccessKey,
        SecretKey = secretKey,
        PathStyle = pathStyle,
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>
    /// An HttpClient whose connections all reach this server, whatever the host name, so
    /// virtual-hosted URLs (<c>van-ban.s3.test</c>) need no DNS.
    /// </summary>
    public HttpClient Client() => new(new SocketsHttpHandler
    {
        ConnectCallback = async (_, cancellationToken) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, Port, cancellationToken);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        },
    });

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var target = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        Requests.Enqueue($"{request.Method} {target}");
        if (Delay is { } delay) await Task.Delay(delay, context.RequestAborted);
        if (Failure is { } failure)
        {
            await ErrorAsync(context, failure.Status, failure.Code);
            return;
        }
        var split = target.Split('?', 2);
        var (path, query) = (split[0], split.Length > 1 ? split[1] : "");
        if (Unauthorised(request, path, query) is { } refusal)
        {
            await ErrorAsync(context, 403, refusal);
            return;
        }
        var host = request.Host.Host;
        string bucket, key;
        if (host.EndsWith(".s3.test", StringComparison.Ordinal))
        {
            bucket = host[..^".s3.test".Length];
            key = Uri.UnescapeDataString(path.TrimStart('/'));
        }
        else
        {
            var parts = path.TrimStart('/').Split('/', 2);
            (bucket, key) = (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }
        if (bucket != Bucket)
        {
            await ErrorAsync(context, 404, "NoSuchBucket");
            return;
        }
        var name = bucket + "/" + key;
        switch (request.Method)
        {
            case "PUT":
                using (var body = new MemoryStream())
                {
                    await request.Body.CopyToAsync(body);
                    var bytes = body.ToArray();
                    if (Convert.ToHexStringLower(SHA256.HashData(bytes)) != request.Headers["x-amz-content-sha256"].ToString())
                    {
                        await ErrorAsync(context, 400, "XAmzContentSHA256Mismatch");
                        return;
                    }
                    Objects[name] = bytes;
                    context.Response.Headers.ETag = "\"" + Convert.ToHexStringLower(MD5.HashData(bytes)) + "\"";
                }
                return;
            case "GET" or "HEAD" when Objects.TryGetValue(name, out var stored):
                context.Response.ContentLength = stored.Length;
                context.Response.ContentType = "application/octet-stream";
                if (request.Method == "GET") await context.Response.Body.WriteAsync(stored);
                return;
            case "GET":
                await ErrorAsync(context, 404, "NoSuchKey");
                return;
            case "HEAD":
                context.Response.StatusCode = 404;
                return;
            default:
                await ErrorAsync(context, 405, "MethodNotAllowed");
                return;
        }
    }

    /// <summary>Null when the request is signed as S3 requires; otherwise the S3 error code it would get.</summary>
    private static string? Unauthorised(HttpRequest request, string path, string query)
    {
        var authorization = request.Headers.Authorization.ToString();
        const string prefix = SigV4Signer.Algorithm + " ";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal)) return "AccessDenied";
        var fields = authorization[prefix.Length..].Split(',')
            .Select(f => f.Trim().Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signedHeaders)
            || !fields.TryGetValue("Signature", out var signature)) return "AuthorizationHeaderMalformed";
        var amzDate = request.Headers["x-amz-date"].ToString();
        if (!DateTimeOffset.TryParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            || (at - DateTimeOffset.UtcNow).Duration() > TimeSpan.FromMinutes(15)) return "RequestTimeTooSkewed";
        if (credential != $"{AccessKey}/{amzDate[..8]}/{Region}/s3/aws4_request") return "InvalidAccessKeyId";
        var names = signedHeaders.Split(';');
        if (!names.Contains("host") || !names.Contains("x-amz-date") || !names.Contains("x-amz-content-sha256")) return "AccessDenied";
        var headers = names.Select(n => new KeyValuePair<string, string>(n, request.Headers[n].ToString()));
        var payload = request.Headers["x-amz-content-sha256"].ToString();
        var canonical = SigV4Signer.CanonicalRequest(request.Method, path, query, headers, payload, out _);
        var expected = new SigV4Signer(AccessKey, SecretKey, Region).Signature(amzDate, canonical);
        if (signature.Length != expected.Length || !signature.All(char.IsAsciiHexDigitLower)) return "SignatureDoesNotMatch";
        return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(expected), Convert.FromHexString(signature)) ? null : "SignatureDoesNotMatch";
    }

    private static async Task ErrorAsync(HttpContext context, int status, string code)
    {
        context.Response.StatusCode = status;
        if (context.Request.Method == "HEAD") return;
        context.Response.ContentType = "application/xml";
        await context.Response.WriteAsync(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{code}</Message><RequestId>test</RequestId></Error>");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
