using System.Text;
using Platform.Documents.Files.ObjectStorage;

namespace Platform.Documents.Tests.Files;

/// <summary>
/// The worked examples of "Signature Calculations for the Authorization Header: Transferring
/// Payload in a Single Chunk (AWS Signature Version 4)" in the Amazon S3 API reference
/// (docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html): the same credentials,
/// time and requests, and the exact signatures the documentation prints.
/// </summary>
public sealed class SigV4SignerTests
{
    private static readonly SigV4Signer Example = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1");
    private static readonly DateTimeOffset May24 = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void The_documented_get_object_example_gets_the_documented_signature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://examplebucket.s3.amazonaws.com/test.txt");
        request.Headers.TryAddWithoutValidation("Range", "bytes=0-9");
        Example.Sign(request, SigV4Signer.EmptyPayloadSha256, May24);
        Assert.That(Authorization(request), Is.EqualTo(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request," +
            "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date," +
            "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
        Assert.That(request.Headers.GetValues("x-amz-date").Single(), Is.EqualTo("20130524T000000Z"));
    }

    [Test]
    public void The_get_object_example_builds_the_documented_canonical_request_and_string_to_sign()
    {
        var canonical = SigV4Signer.CanonicalRequest("GET", "/test.txt", "",
            [new("Host", "examplebucket.s3.amazonaws.com"), new("Range", "bytes=0-9"),
             new("x-amz-content-sha256", SigV4Signer.EmptyPayloadSha256), new("x-amz-date", "20130524T000000Z")],
            SigV4Signer.EmptyPayloadSha256, out var signedHeaders);
        Assert.That(canonical, Is.EqualTo(
            "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n" +
            "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\nx-amz-date:20130524T000000Z\n\n" +
            "host;range;x-amz-content-sha256;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        Assert.That(signedHeaders, Is.EqualTo("host;range;x-amz-content-sha256;x-amz-date"));
        Assert.That(Example.StringToSign("20130524T000000Z", canonical), Is.EqualTo(
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"));
    }

    [Test]
    public void The_documented_put_object_example_encodes_the_key_and_signs_the_payload_hash()
    {
        var payload = SigV4Signer.Sha256Hex(Encoding.UTF8.GetBytes("Welcome to Amazon S3."));
        Assert.That(payload, Is.EqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"));
        using var request = new HttpRequestMessage(HttpMethod.Put, "https://examplebucket.s3.amazonaws.com/test$file.text");
        request.Headers.TryAddWithoutValidation("Date", "Fri, 24 May 2013 00:00:00 GMT");
        request.Headers.TryAddWithoutValidation("x-amz-storage-class", "REDUCED_REDUNDANCY");
        Example.Sign(request, payload, May24);
        Assert.That(Authorization(request), Is.EqualTo(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request," +
            "SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class," +
            "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"));
    }

    [Test]
    public void The_documented_list_objects_example_sorts_and_encodes_the_query()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://examplebucket.s3.amazonaws.com/?max-keys=2&prefix=J");
        Example.Sign(request, SigV4Signer.EmptyPayloadSha256, May24);
        Assert.That(Authorization(request), Does.EndWith(
            "SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"));
    }

    [Test]
    public void An_encoded_and_an_unencoded_path_give_the_same_canonical_request()
    {
        var encoded = SigV4Signer.CanonicalRequest("PUT", "/b/t%C3%A0i%20li%E1%BB%87u%24", "", [], "x", out _);
        var plain = SigV4Signer.CanonicalRequest("PUT", "/b/tài liệu$", "", [], "x", out _);
        Assert.That(plain, Is.EqualTo(encoded));
        Assert.That(plain, Does.StartWith("PUT\n/b/t%C3%A0i%20li%E1%BB%87u%24\n"));
    }

    [Test]
    public void Another_secret_gives_another_signature()
    {
        var other = new SigV4Signer("AKIAIOSFODNN7EXAMPLE", "another-secret", "us-east-1");
        Assert.That(other.Signature("20130524T000000Z", "GET\n/\n\n\n\nx"), Is.Not.EqualTo(Example.Signature("20130524T000000Z", "GET\n/\n\n\n\nx")));
    }

    private static string Authorization(HttpRequestMessage request) => request.Headers.NonValidated["Authorization"].ToString();
}
