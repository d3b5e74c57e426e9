using System.Net;
using System.Text;
using Platform.Portal.Staff.Clients;

namespace Platform.Portal.Tests.Staff;

public sealed class StaffApiResultTests
{
    [Test]
    public async Task A_services_own_Vietnamese_problem_is_what_the_person_reads()
    {
        var result = await ReadAsync(HttpStatusCode.Conflict, """{"title":"Văn bản đến bị trùng","detail":"Văn bản 05/QĐ-UBND đã được vào sổ.","status":409}""");
        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Error, Is.EqualTo("Văn bản 05/QĐ-UBND đã được vào sổ."));
    }

    [Test]
    public async Task Field_errors_of_a_validation_problem_are_kept_by_field()
    {
        var result = await ReadAsync(HttpStatusCode.BadRequest,
            """{"title":"Ý kiến chỉ đạo không hợp lệ","errors":{"LeadUnit":["Đơn vị chủ trì là bắt buộc."]}}""");
        Assert.That(result.FieldErrors["leadUnit"], Is.EqualTo(new[] { "Đơn vị chủ trì là bắt buộc." }));
        Assert.That(result.Error, Is.EqualTo("Đơn vị chủ trì là bắt buộc."));
    }

    [TestCase(HttpStatusCode.Unauthorized, "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.")]
    [TestCase(HttpStatusCode.NotFound, "Không tìm thấy, hoặc bạn không có quyền xem.")]
    [TestCase(HttpStatusCode.InternalServerError, "Dịch vụ văn bản đang gặp sự cố. Vui lòng thử lại sau.")]
    public async Task An_answer_without_a_problem_still_reads_as_a_sentence(HttpStatusCode status, string message) =>
        Assert.That((await ReadAsync(status, null)).Error, Is.EqualTo(message));

    [Test]
    public async Task A_success_carries_its_value()
    {
        var result = await ReadAsync(HttpStatusCode.OK, """[{"value":"Công văn","count":3}]""");
        Assert.That(result.Succeeded, Is.True);
        Assert.That(result.Value, Is.EqualTo(new[] { new FacetCount("Công văn", 3) }));
    }

    private static async Task<ApiResult<FacetCount[]>> ReadAsync(HttpStatusCode status, string? json)
    {
        using var response = new HttpResponseMessage(status);
        if (json is not null) response.Content = new StringContent(json, Encoding.UTF8, status < HttpStatusCode.BadRequest ? "application/json" : "application/problem+json");
        return await ApiResult<FacetCount[]>.ReadAsync(response, "văn bản", CancellationToken.None);
    }
}
