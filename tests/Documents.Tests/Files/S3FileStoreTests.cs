using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Documents.Files;
using Platform.Documents.Files.ObjectStorage;
using Platform.TestSupport;

namespace Platform.Documents.Tests.Files;

/// <summary>The object storage file store against a server that speaks and checks the S3 protocol.</summary>
public sealed class S3FileStoreTests
{
    private S3ProtocolServer _server = null!;
    private string _temporary = null!;

    [SetUp]
    public async Task Start()
    {
        _server = await S3ProtocolServer.StartAsync();
        _temporary = TestServers.TempFolder("s3-uploads");
    }

    [TearDown]
    public async Task Stop() => await _server.DisposeAsync();

    private S3FileStore Store(ObjectStorageOptions? options = null, HttpClient? http = null) =>
        new(http ?? _server.Client(), options ?? _server.Options(), _temporary, TimeProvider.System, NullLogger<S3FileStore>.Instance);

    private static byte[] Content(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Content_is_stored_under_its_sha256_and_read_back(bool pathStyle)
    {
        var store = Store(_server.Options(pathStyle));
        var bytes = Content("Quyết định số 05/QĐ-UBND về kế hoạch phòng chống lụt bão");
        var stored = await store.SaveAsync(new MemoryStream(bytes), 1024, CancellationToken.None);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.That(stored, Is.EqualTo(new StoredFile(sha256, bytes.Length)));
        Assert.That(_server.Objects.Keys, Is.EqualTo(new[] { $"{S3ProtocolServer.Bucket}/{sha256}" }));
        Assert.That(await ReadAllAsync((await store.OpenReadAsync(sha256, CancellationToken.None))!), Is.EqualTo(bytes));
        Assert.That(_server.Requests, Has.Some.StartsWith(pathStyle ? $"PUT /{S3ProtocolServer.Bucket}/{sha256}" : $"PUT /{sha256}"));
    }

    [Test]
    public async Task The_same_bytes_are_uploaded_once()
    {
        var store = Store();
        var bytes = Content("Báo cáo tình hình kinh tế - xã hội");
        await store.SaveAsync(new MemoryStream(bytes), 1024, CancellationToken.None);
        await store.SaveAsync(new MemoryStream(bytes), 1024, CancellationToken.None);

        Assert.That(_server.Requests.Count(r => r.StartsWith("PUT ", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(_server.Requests.Count(r => r.StartsWith("HEAD ", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public async Task A_file_over_the_limit_is_refused_before_anything_is_sent_and_leaves_nothing_behind()
    {
        var store = Store();
        Assert.ThrowsAsync<FileTooLargeException>(() => store.SaveAsync(new MemoryStream(new byte[2048]), 1024, CancellationToken.None));
        Assert.That(_server.Requests, Is.Empty);
        Assert.That(Directory.EnumerateFiles(_temporary), Is.Empty);
        await store.SaveAsync(new MemoryStream(new byte[10]), 1024, CancellationToken.None);
        Assert.That(Directory.EnumerateFiles(_temporary), Is.Empty, "the buffered upload is deleted once sent");
    }

    [Test]
    public async Task A_missing_object_reads_as_null_and_a_name_that_is_not_a_hash_is_never_asked_for()
    {
        var store = Store();
        Assert.That(await store.OpenReadAsync(new string('a', 64), CancellationToken.None), Is.Null);
        Assert.That(await store.ExistsAsync(new string('a', 64), CancellationToken.None), Is.False);
        var asked = _server.Requests.Count;
        Assert.That(await store.OpenReadAsync("../../etc/passwd", CancellationToken.None), Is.Null);
        Assert.That(await store.OpenReadAsync(new string('A', 64), CancellationToken.None), Is.Null);
        Assert.That(_server.Requests, Has.Count.EqualTo(asked));
    }

    [Test]
    public void A_wrong_secret_is_refused_by_the_signature_check_and_reported_as_configuration()
    {
        var store = Store(_server.Options(secretKey: "not-the-secret"));
        var error = Assert.ThrowsAsync<FileStoreException>(() => store.SaveAsync(new MemoryStream(Content("x")), 1024, CancellationToken.None));
        Assert.That(error!.Failure, Is.EqualTo(FileStoreFailure.Refused));
        Assert.That(error.StatusCode, Is.EqualTo(502));
        Assert.That(error.Message, Does.Contain("từ chối"));
        Assert.That(_server.Objects, Is.Empty);
    }

    [Test]
    public void A_missing_bucket_is_a_refusal_not_a_missing_file()
    {
        var store = Store(_server.Options(bucket: "khong-co"));
        var error = Assert.ThrowsAsync<FileStoreException>(() => store.OpenReadAsync(new string('a', 64), CancellationToken.None));
        Assert.That(error!.Failure, Is.EqualTo(FileStoreFailure.Refused));
    }

    [TestCase(500, "InternalError")]
    [TestCase(503, "SlowDown")]
    public void A_server_error_is_an_outage_not_a_missing_file(int status, string code)
    {
        var store = Store();
        _server.Failure = (status, code);
        var read = Assert.ThrowsAsync<FileStoreException>(() => store.OpenReadAsync(new string('a', 64), CancellationToken.None));
        Assert.That(read!.Failure, Is.EqualTo(FileStoreFailure.Unavailable));
        Assert.That(read.StatusCode, Is.EqualTo(503));
        var save = Assert.ThrowsAsync<FileStoreException>(() => store.SaveAsync(new MemoryStream(Content("x")), 1024, CancellationToken.None));
        Assert.That(save!.Failure, Is.EqualTo(FileStoreFailure.Unavailable));
    }

    [Test]
    public void A_server_that_does_not_answer_in_time_is_an_outage()
    {
        var options = _server.Options();
        options.Timeout = TimeSpan.FromMilliseconds(200);
        _server.Delay = TimeSpan.FromSeconds(30);
        var error = Assert.ThrowsAsync<FileStoreException>(() => Store(options).OpenReadAsync(new string('a', 64), CancellationToken.None));
        Assert.That(error!.Failure, Is.EqualTo(FileStoreFailure.Unavailable));
    }

    [Test]
    public void A_server_that_refuses_connections_is_an_outage()
    {
        var options = _server.Options();
        options.Endpoint = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        using var http = new HttpClient();
        var error = Assert.ThrowsAsync<FileStoreException>(() => Store(options, http).OpenReadAsync(new string('a', 64), CancellationToken.None));
        Assert.That(error!.Failure, Is.EqualTo(FileStoreFailure.Unavailable));
    }

    [Test]
    public void A_caller_who_gives_up_gets_a_cancellation_not_an_outage()
    {
        _server.Delay = TimeSpan.FromSeconds(30);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.That(async () => await Store().OpenReadAsync(new string('a', 64), cancel.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void Object_addresses_follow_the_addressing_style()
    {
        var options = new ObjectStorageOptions { Endpoint = new Uri("https://s3.example.vn:9000/storage/"), Bucket = "van-ban" };
        Assert.That(options.ObjectUri("ab12").ToString(), Is.EqualTo("https://s3.example.vn:9000/storage/van-ban/ab12"));
        options.PathStyle = false;
        Assert.That(options.ObjectUri("ab12").ToString(), Is.EqualTo("https://van-ban.s3.example.vn:9000/storage/ab12"));
    }

    [Test]
    public void Missing_settings_are_named_by_their_configuration_keys()
    {
        Assert.That(new ObjectStorageOptions().Missing(), Is.EqualTo(new[]
        {
            "Files:S3:Endpoint (http:// or https://)", "Files:S3:Bucket", "Files:S3:AccessKey", "Files:S3:SecretKey",
        }));
        Assert.That(_server.Options().Missing(), Is.Empty);
    }

    [TestCase("s3", "Files:S3:Endpoint")]
    [TestCase("ftp", "\"disk\" or \"s3\"")]
    public void A_misconfigured_store_stops_start_up(string store, string named)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration[FileStoreRegistration.StoreKey] = store;
        var error = Assert.Throws<InvalidOperationException>(() => builder.AddFileStore(_temporary));
        Assert.That(error!.Message, Does.Contain(named));
    }
}
