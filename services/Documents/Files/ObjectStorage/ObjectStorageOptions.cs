namespace Platform.Documents.Files.ObjectStorage;

/// <summary>Configuration section <c>Files:S3</c>: where the S3-compatible object storage is and how to sign in to it.</summary>
public sealed class ObjectStorageOptions
{
    public const string Section = "Files:S3";

    /// <summary>The service's base URL, e.g. <c>https://s3.hcm.vnpt.vn</c> or <c>http://minio.storage.svc:9000</c>.</summary>
    public Uri? Endpoint { get; set; }

    public string Bucket { get; set; } = "";

    /// <summary>Part of the signature's scope; MinIO and most Vietnamese providers accept <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    public string AccessKey { get; set; } = "";

    public string SecretKey { get; set; } = "";

    /// <summary>
    /// True: <c>{endpoint}/{bucket}/{key}</c> (MinIO, Ceph RGW, most private installations);
    /// false: <c>{bucket}.{endpoint host}/{key}</c> (virtual-hosted, as AWS prefers).
    /// </summary>
    public bool PathStyle { get; set; } = true;

    /// <summary>A request taking longer than this counts as an outage.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The settings that are missing, named as configuration keys (empty when complete).</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (Endpoint is null || !Endpoint.IsAbsoluteUri || Endpoint.Scheme is not ("http" or "https")) missing.Add("Files:S3:Endpoint (http:// or https://)");
        if (string.IsNullOrWhiteSpace(Bucket)) missing.Add("Files:S3:Bucket");
        if (string.IsNullOrWhiteSpace(Region)) missing.Add("Files:S3:Region");
        if (string.IsNullOrWhiteSpace(AccessKey)) missing.Add("Files:S3:AccessKey");
        if (string.IsNullOrWhiteSpace(SecretKey)) missing.Add("Files:S3:SecretKey");
        return missing;
    }

    /// <summary>The URL of the object with this key, path-style or virtual-hosted.</summary>
    public Uri ObjectUri(string key)
    {
        var endpoint = Endpoint ?? throw new InvalidOperationException("Files:S3:Endpoint is not set.");
        var basePath = endpoint.AbsolutePath.TrimEnd('/');
        var builder = new UriBuilder(endpoint) { Query = "" };
        if (PathStyle)
        {
            builder.Path = $"{basePath}/{SigV4Signer.Encode(Bucket)}/{SigV4Signer.Encode(key)}";
        }
        else
        {
            builder.Host = Bucket + "." + endpoint.Host;
            builder.Path = $"{basePath}/{SigV4Signer.Encode(key)}";
        }
        return builder.Uri;
    }
}
