using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Portal.Domain;
using Platform.ServiceDefaults;

namespace Platform.Portal.Apis;

/// <summary>
/// Article images: uploaded by editors, served by the portal itself. The gateway's content
/// security policy lets pages load images only from the portal's own origin.
/// </summary>
public static class NewsImagesApi
{
    public const string PublicPath = "/anh";

    public sealed record ImageView(string Url);

    public static IEndpointRouteBuilder MapNewsImagesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/staff/api/news/images", Upload).RequireAuthorization(NewsApi.EditorPolicy).DisableAntiforgery().WithTags("News");
        endpoints.MapGet(PublicPath + "/{name}", Serve).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static string Folder(ServiceInfo service) => Directory.CreateDirectory(Path.Combine(service.OwnFolder(), "news-images")).FullName;

    // A bearer-token API, not a cookie form: no antiforgery token is needed or possible here.
    private static async Task<Results<Created<ImageView>, ValidationProblem>> Upload(IFormFile image, ServiceInfo service, CancellationToken cancellationToken)
    {
        var head = new byte[8];
        await using (var stream = image.OpenReadStream())
        {
            head = head[..await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken)];
        }
        var extension = ImagePolicy.ExtensionOf(head);
        string? problem = image.Length > ImagePolicy.MaxBytes ? $"Ảnh không quá {ImagePolicy.MaxBytes / (1024 * 1024)} MB."
            : extension is null ? "Chỉ nhận ảnh PNG hoặc JPEG." : null;
        if (problem is not null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["image"] = [problem] }, title: "Ảnh không hợp lệ");
        var name = Guid.CreateVersion7().ToString("N") + extension;
        await using (var target = File.Create(Path.Combine(Folder(service), name)))
        {
            await image.CopyToAsync(target, cancellationToken);
        }
        var url = $"{PublicPath}/{name}";
        return TypedResults.Created(url, new ImageView(url));
    }

    private static Results<PhysicalFileHttpResult, NotFound> Serve(string name, ServiceInfo service)
    {
        // Only names the portal made: nothing a request spells can reach outside the folder.
        if (!ImagePolicy.IsStoredName(name)) return TypedResults.NotFound();
        var path = Path.Combine(Folder(service), name);
        return File.Exists(path) ? TypedResults.PhysicalFile(path, ImagePolicy.ContentTypeOf(name)) : TypedResults.NotFound();
    }
}
