using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Platform.Contracts;

namespace Platform.Portal.BrowserTests;

/// <summary>The staff console in a browser, against the real platform: one start for the fixture.</summary>
[NonParallelizable]
public sealed class StaffConsoleJourneyTests
{
    private StaffPlatform _platform = null!;

    [OneTimeSetUp]
    public async Task Start() => _platform = await StaffPlatform.StartAsync();

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_platform is not null) await _platform.DisposeAsync();
    }

    [Test]
    public async Task A_clerk_registers_an_incoming_document_a_leader_directs_it_and_the_task_reaches_the_units_dashboard()
    {
        var subject = "Về việc triển khai kế hoạch chuyển đổi số năm 2027 " + Guid.NewGuid().ToString("N")[..6];
        // The clerk works on a phone.
        var clerk = await _platform.SignInAsync("vanthu", viewport: new ViewportSize { Width = 390, Height = 844 });
        await clerk.GetByRole(AriaRole.Link, new() { Name = "Vào sổ văn bản đến" }).First.ClickAsync();
        await clerk.GetByLabel("Cơ quan ban hành").FillAsync("Sở Thông tin và Truyền thông");
        await clerk.GetByLabel("Số, ký hiệu").FillAsync("215/STTTT-CĐS");
        await clerk.GetByLabel("Loại văn bản").FillAsync("Công văn");
        await clerk.GetByLabel("Trích yếu").FillAsync(subject);
        await clerk.GetByLabel("Độ khẩn").SelectOptionAsync(new SelectOptionValue { Label = "Khẩn" });
        await clerk.GetByLabel("Tệp đính kèm").SetInputFilesAsync(new FilePayload
        {
            Name = "cong-van-215.pdf", MimeType = "application/pdf", Buffer = MinimalPdf(),
        });
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Vào sổ" }).ClickAsync();

        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã vào sổ văn bản đến số");
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).Not.ToContainTextAsync("Chưa đính kèm được");
        await Assertions.Expect(clerk.GetByText(subject)).ToBeVisibleAsync();
        var documentUrl = clerk.Url;
        // The attachment is listed with its size and downloads through the console with the clerk's own token.
        var fileLink = clerk.GetByRole(AriaRole.Link, new() { Name = "cong-van-215.pdf" });
        await Assertions.Expect(fileLink.Locator("xpath=..")).ToContainTextAsync($"({MinimalPdf().Length} byte)");
        var download = await clerk.RunAndWaitForDownloadAsync(() => fileLink.ClickAsync());
        Assert.That(download.SuggestedFilename, Is.EqualTo("cong-van-215.pdf"));
        Assert.That(await File.ReadAllBytesAsync((await download.PathAsync())!), Is.EqualTo(MinimalPdf()));
        await Chromium.ScreenshotAsync(clerk, "staff-clerk-registered-incoming");

        var leader = await _platform.SignInAsync("lanhdao", "/staff/van-ban-den/cho-chi-dao");
        await leader.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Assertions.Expect(leader).ToHaveURLAsync(documentUrl);
        await leader.GetByLabel("Ý kiến chỉ đạo").FillAsync("Giao Phòng Kinh tế chủ trì, tham mưu kế hoạch triển khai.");
        await leader.GetByLabel("Đơn vị chủ trì (mã đơn vị)").FillAsync("KT");
        await leader.GetByLabel("Đơn vị phối hợp").FillAsync("TH, VP");
        await leader.GetByLabel("Hạn xử lý").FillAsync(DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd"));
        await leader.GetByRole(AriaRole.Button, new() { Name = "Ghi ý kiến chỉ đạo" }).ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã ghi ý kiến chỉ đạo; đơn vị chủ trì KT.");
        await Assertions.Expect(leader.GetByText("TH, VP")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(leader, "staff-leader-direction");

        // The specialist of the lead unit: the task arrives through the event bus (DocumentAssigned → Tasks).
        var specialist = await _platform.SignInAsync("chuyenvien", "/staff/nhiem-vu");
        await ReloadUntilAsync(specialist, specialist.GetByRole(AriaRole.Link, new() { Name = "Giao Phòng Kinh tế chủ trì, tham mưu kế hoạch triển khai." }));
        await Assertions.Expect(specialist.GetByRole(AriaRole.Row).Filter(new() { HasText = "215/STTTT-CĐS" })).ToContainTextAsync("KT");
        await specialist.GetByRole(AriaRole.Link, new() { Name = "Tổng hợp nhiệm vụ" }).First.ClickAsync();
        var row = specialist.GetByRole(AriaRole.Row).Filter(new() { Has = specialist.GetByRole(AriaRole.Rowheader, new() { Name = "KT", Exact = true }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        // Đơn vị | đúng hạn | quá hạn | đang làm trong hạn | đang làm quá hạn | sắp đến hạn
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(2)).ToHaveTextAsync("1");
        await Assertions.Expect(specialist.Locator("svg[role=img] rect")).Not.ToHaveCountAsync(0);
        await Chromium.ScreenshotAsync(specialist, "staff-unit-task-dashboard");

        // The lead unit reports progress on the task.
        await specialist.GotoAsync("/staff/nhiem-vu");
        await specialist.GetByRole(AriaRole.Link, new() { Name = "Giao Phòng Kinh tế chủ trì, tham mưu kế hoạch triển khai." }).ClickAsync();
        await specialist.GetByLabel("Phần trăm hoàn thành").FillAsync("40");
        await specialist.GetByLabel("Nội dung báo cáo").FillAsync("Đã dự thảo kế hoạch, đang lấy ý kiến các phòng.");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Gửi báo cáo tiến độ" }).ClickAsync();
        await Assertions.Expect(specialist.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã gửi báo cáo tiến độ 40%.");
        await Assertions.Expect(specialist.GetByText("Đã dự thảo kế hoạch, đang lấy ý kiến các phòng.")).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(specialist, "staff-task-progress-reported");

        // The lead unit asks for more time; a leader approves it in the console and the new deadline shows.
        var newDeadline = DateTime.UtcNow.AddDays(35);
        await specialist.GetByLabel("Hạn mới đề nghị").FillAsync(newDeadline.ToString("yyyy-MM-dd"));
        await specialist.GetByLabel("Lý do").FillAsync("Chờ ý kiến góp ý của Sở Tài chính.");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Gửi đề nghị gia hạn" }).ClickAsync();
        await Assertions.Expect(specialist.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã gửi đề nghị gia hạn đến {newDeadline:dd/MM/yyyy}.");
        // The specialist is no leader: no decision form for them.
        await Assertions.Expect(specialist.GetByRole(AriaRole.Button, new() { Name = "Đồng ý gia hạn", Exact = true })).ToHaveCountAsync(0);
        var taskUrl = specialist.Url;

        await leader.GotoAsync(taskUrl);
        await leader.GetByLabel("Ý kiến của lãnh đạo").FillAsync("Đồng ý, đề nghị hoàn thành đúng hạn mới.");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Đồng ý gia hạn", Exact = true }).ClickAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã đồng ý gia hạn; hạn xử lý mới đã được ghi nhận.");
        await Assertions.Expect(leader.Locator("dt:has-text('Hạn xử lý') + dd")).ToHaveTextAsync(newDeadline.ToString("dd/MM/yyyy"));
        await Assertions.Expect(leader.GetByText("đã đồng ý — Đồng ý, đề nghị hoàn thành đúng hạn mới.")).ToBeVisibleAsync();
        await Assertions.Expect(leader.GetByRole(AriaRole.Button, new() { Name = "Đồng ý gia hạn", Exact = true })).ToHaveCountAsync(0);
        await Chromium.ScreenshotAsync(leader, "staff-leader-extension-approved");

        // The unit reports completion; the office sends it back once, then confirms it.
        await specialist.ReloadAsync();
        await Assertions.Expect(specialist.Locator("dt:has-text('Hạn xử lý') + dd")).ToHaveTextAsync(newDeadline.ToString("dd/MM/yyyy"));
        await specialist.GetByLabel("Kết quả thực hiện").FillAsync("Đã trình UBND tỉnh kế hoạch chuyển đổi số năm 2027.");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Báo cáo hoàn thành" }).ClickAsync();
        await Assertions.Expect(specialist.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã báo cáo hoàn thành; chờ văn phòng xác nhận.");
        await Assertions.Expect(specialist.GetByRole(AriaRole.Button, new() { Name = "Xác nhận hoàn thành" })).ToHaveCountAsync(0);

        await clerk.GotoAsync(taskUrl);
        await clerk.GetByLabel("Lý do trả lại").FillAsync("Thiếu phụ lục kinh phí.");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Trả lại kết quả" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã trả lại kết quả; đơn vị chủ trì phải làm lại.");
        await Assertions.Expect(clerk.GetByRole(AriaRole.Button, new() { Name = "Xác nhận hoàn thành" })).ToHaveCountAsync(0);

        await specialist.ReloadAsync();
        await specialist.GetByLabel("Kết quả thực hiện").FillAsync("Đã bổ sung phụ lục kinh phí và trình lại.");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Báo cáo hoàn thành" }).ClickAsync();
        await Assertions.Expect(specialist.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã báo cáo hoàn thành; chờ văn phòng xác nhận.");

        await clerk.ReloadAsync();
        await clerk.GetByRole(AriaRole.Button, new() { Name = "Xác nhận hoàn thành" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã xác nhận hoàn thành nhiệm vụ.");
        await Assertions.Expect(clerk.Locator("dt:has-text('Trạng thái') + dd")).ToContainTextAsync(VocabularyNames.Of(TaskState.Done));
        await Chromium.ScreenshotAsync(clerk, "staff-office-task-confirmed");
    }

    [Test]
    public async Task Signing_out_ends_the_console_session_and_its_cookie_opens_nothing_afterwards()
    {
        var page = await _platform.SignInAsync("chuyenvien");
        var session = (await page.Context.CookiesAsync()).Single(c => c.Name.EndsWith("can-bo", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(session.HttpOnly, Is.True);
            Assert.That(session.Secure, Is.True);
            Assert.That(session.SameSite, Is.EqualTo(SameSiteAttribute.Lax));
        });

        // A forged sign-out (another site's form: the cookie goes along, the antiforgery token does not) is refused.
        var forged = await page.Context.APIRequest.PostAsync("/staff/dang-xuat", new() { MaxRedirects = 0 });
        Assert.That(forged.Status, Is.EqualTo(400));
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bàn làm việc" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng xuất" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_platform.BaseAddress, "/").ToString());
        await Chromium.ScreenshotAsync(page, "staff-signed-out");

        // The same browser is sent to the login page again: the identity provider's session ended too.
        await page.GotoAsync("/staff");
        await Assertions.Expect(page.GetByLabel("Tên đăng nhập")).ToBeVisibleAsync();

        // A copy of the old cookie, replayed from elsewhere, no longer opens the console.
        using var replay = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _platform.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", $"{session.Name}={session.Value}");
        using var response = await replay.SendAsync(request);
        Assert.That((int)response.StatusCode, Is.EqualTo(302));
        Assert.That(response.Headers.Location?.ToString(), Does.Contain("/staff/dang-nhap"));
    }

    [Test]
    public async Task A_clerk_follows_an_outgoing_document_to_issue_and_sees_its_recipients_with_their_exchange_status()
    {
        var subject = "Về việc tổ chức Hội nghị tổng kết công tác năm 2026 " + Guid.NewGuid().ToString("N")[..4];
        var draft = await ApiAsync(HttpMethod.Post, "/api/documents/outgoing", "chuyenvien", JsonContent.Create(new
        {
            documentType = "Công văn", subject, urgency = "Normal", secrecy = "None",
            recipients = new[] { "Sở Tài chính", "UBND huyện Đông Anh" },
        }), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetString();
        var file = new ByteArrayContent(MinimalPdf());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        await ApiAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/attachments", "chuyenvien",
            new MultipartFormDataContent { { file, "file", "cong-van.pdf" }, { new StringContent("true"), "main" } }, HttpStatusCode.Created);
        await ApiAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/submit", "chuyenvien", JsonContent.Create(new { }));

        var clerk = await _platform.SignInAsync("vanthu", "/staff/van-ban-di");
        await clerk.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Assertions.Expect(clerk.Locator("[aria-current=step]")).ToHaveTextAsync("Kiểm tra nội dung, thể thức");
        await Assertions.Expect(clerk.GetByText("Văn bản chưa phát hành nên chưa có tình trạng gửi, nhận.")).ToBeVisibleAsync();

        await ApiAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/review", "lanhdao", JsonContent.Create(new { }));
        await ApiAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/approve", "lanhdao", JsonContent.Create(new { }));
        await ApiAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/sign", "lanhdao",
            JsonContent.Create(new { signerName = "Lê Quang Hùng", signerPosition = "KT. CHỦ TỊCH - PHÓ CHỦ TỊCH" }));
        await ApiAsync(HttpMethod.Post, $"/api/documents/outgoing/{id}/issue", "vanthu", JsonContent.Create(new { }));

        await clerk.ReloadAsync();
        await Assertions.Expect(clerk.Locator("[aria-current=step]")).ToHaveTextAsync("Cấp số, phát hành");
        foreach (var recipient in new[] { "Sở Tài chính", "UBND huyện Đông Anh" })
        {
            await Assertions.Expect(clerk.GetByRole(AriaRole.Row).Filter(new() { HasText = recipient })).ToHaveCountAsync(1);
        }
        // Sở Tài chính is in the exchange directory: its row carries the delivery's real status (in
        // a local run no agency has an address, so the delivery fails and says why). The district is
        // not in the directory: its row says it does not go over the exchange; nothing is invented.
        var agencyRow = clerk.GetByRole(AriaRole.Row).Filter(new() { HasText = "Sở Tài chính" });
        await Assertions.Expect(agencyRow).ToContainTextAsync("000.00.03.H56");
        await Assertions.Expect(agencyRow).ToContainTextAsync(new Regex("Chưa gửi|Đã gửi|Gửi lỗi|Đã đến|Đã tiếp nhận"));
        await Assertions.Expect(clerk.GetByRole(AriaRole.Row).Filter(new() { HasText = "UBND huyện Đông Anh" }))
            .ToContainTextAsync("Không gửi qua trục liên thông");
        await Assertions.Expect(clerk.GetByText("Không có dữ liệu")).ToHaveCountAsync(0);
        await Chromium.ScreenshotAsync(clerk, "staff-clerk-outgoing-issued");
    }

    [Test]
    public async Task A_session_outlives_its_first_access_token_by_refreshing_it()
    {
        var page = await _platform.SignInAsync("chuyenvien", "/staff/nhiem-vu");
        var visited = new List<string>();
        page.Request += (_, request) => visited.Add(request.Url);

        await Task.Delay(StaffPlatform.AccessTokenLifetime + TimeSpan.FromSeconds(1));
        await page.ReloadAsync();

        // No new sign-in (neither the console's nor the identity provider's), and Tasks accepted the renewed token.
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(_platform.BaseAddress, "/staff/nhiem-vu").ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nhiệm vụ của đơn vị KT" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        Assert.That(visited, Has.None.Contains("/realms/").And.None.Contains("/staff/dang-nhap"));
    }

    [Test]
    public async Task A_clerk_never_sees_a_document_above_their_clearance_in_the_console()
    {
        // The administrator (cleared for Tối mật) registers one document at Mật and one at Tối mật.
        var marker = Guid.NewGuid().ToString("N")[..8];
        var confidential = await RegisterAsAdministratorAsync($"Kế hoạch bảo vệ bí mật nhà nước {marker} mức Mật", "Confidential");
        var secret = await RegisterAsAdministratorAsync($"Phương án phòng thủ khu vực {marker} mức Tối mật", "Secret");

        var clerk = await _platform.SignInAsync("vanthu", "/staff/van-ban-den");
        await Assertions.Expect(clerk.GetByRole(AriaRole.Link, new() { Name = $"Kế hoạch bảo vệ bí mật nhà nước {marker} mức Mật" })).ToBeVisibleAsync();
        await Assertions.Expect(clerk.GetByText(marker + " mức Tối mật")).ToHaveCountAsync(0);

        await clerk.GotoAsync("/staff/tim-kiem?q=" + marker);
        await ReloadUntilAsync(clerk, clerk.GetByRole(AriaRole.Link, new() { Name = $"Kế hoạch bảo vệ bí mật nhà nước {marker} mức Mật" }));
        await Assertions.Expect(clerk.GetByText("mức Tối mật")).ToHaveCountAsync(0);
        // Statuses read in Vietnamese, in the facet, on the hit and in the chosen filter; never the raw code.
        await clerk.GetByRole(AriaRole.Complementary).GetByRole(AriaRole.Link, new() { Name = "Đã vào sổ", Exact = true }).ClickAsync();
        await Assertions.Expect(clerk.Locator(".active-filter")).ToContainTextAsync("Trạng thái: Đã vào sổ");
        await Assertions.Expect(clerk.Locator(".hits .meta").First).ToContainTextAsync("Đã vào sổ");
        await Assertions.Expect(clerk.GetByText("Registered")).ToHaveCountAsync(0);
        await Chromium.ScreenshotAsync(clerk, "staff-clerk-search-trimmed-by-clearance");

        var direct = await clerk.GotoAsync($"/staff/van-ban-den/{secret}");
        Assert.That(direct!.Status, Is.EqualTo(404));
        // Nor its file, even with the exact address: Documents checks the clerk's own token.
        var pdf = new ByteArrayContent(MinimalPdf());
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var secretFile = await ApiAsync(HttpMethod.Post, $"/api/documents/incoming/{secret}/attachments", "quantri",
            new MultipartFormDataContent { { pdf, "file", "phuong-an.pdf" } }, HttpStatusCode.Created);
        var fileResponse = await clerk.APIRequest.GetAsync($"/staff/van-ban-den/{secret}/tep/{secretFile.GetProperty("id").GetString()}");
        Assert.That(fileResponse.Status, Is.EqualTo(404));
        Assert.That(await clerk.ContentAsync(), Does.Not.Contain("Phương án phòng thủ"));
        var readable = await clerk.GotoAsync($"/staff/van-ban-den/{confidential}");
        Assert.That(readable!.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task A_portal_editor_answers_a_citizens_feedback_and_the_answer_shows_on_the_public_status_page()
    {
        var citizen = await (await _platform.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _platform.BaseAddress.ToString() })).NewPageAsync();
        await citizen.GotoAsync("/phan-anh");
        await citizen.GetByLabel("Họ và tên").FillAsync("Trần Văn Bình");
        await citizen.GetByLabel("Số điện thoại hoặc thư điện tử").FillAsync("0914 222 333");
        await citizen.GetByLabel("Tiêu đề").FillAsync("Đèn chiếu sáng hỏng trên đường Lê Lợi");
        await citizen.GetByLabel("Nội dung").FillAsync("Ba cột đèn trước số nhà 120 không sáng đã một tuần.");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi phản ánh" }).ClickAsync();
        var code = (await citizen.Locator("#ma-tra-cuu").InnerTextAsync()).Trim();

        // A clerk has no feedback screens; the editor has.
        var clerk = await _platform.SignInAsync("vanthu");
        await Assertions.Expect(clerk.GetByRole(AriaRole.Link, new() { Name = "Phản ánh, kiến nghị", Exact = true })).ToHaveCountAsync(1); // the public link only
        var refused = await clerk.GotoAsync("/staff/phan-anh");
        Assert.That(refused!.Url, Does.Contain("/staff/khong-co-quyen"));

        var editor = await _platform.SignInAsync("bientap", "/staff/phan-anh");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Đèn chiếu sáng hỏng trên đường Lê Lợi" }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Nhận xử lý" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã nhận xử lý phản ánh.");
        await editor.GetByLabel("Nội dung trả lời").FillAsync("Công ty Điện lực đã thay bóng đèn ngày 20/11; cảm ơn ông đã phản ánh.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Công bố trả lời" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã công bố trả lời.");
        await Chromium.ScreenshotAsync(editor, "staff-editor-feedback-answered");

        await citizen.GotoAsync("/phan-anh/tra-cuu");
        await citizen.GetByLabel("Mã tra cứu").FillAsync(code);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Tra cứu" }).ClickAsync();
        await Assertions.Expect(citizen.GetByText("Công ty Điện lực đã thay bóng đèn ngày 20/11; cảm ơn ông đã phản ánh.")).ToBeVisibleAsync();
    }

    [Test]
    public async Task A_gazette_editor_composes_an_issue_from_the_register_and_publishes_it()
    {
        var numberAndCode = $"{Random.Shared.Next(10, 99)}/2026/QĐ-UBND";
        await ApiAsync(HttpMethod.Post, "/api/gazette/register", "congbao", new MultipartFormDataContent
        {
            { new StringContent(numberAndCode), "numberAndCode" },
            { new StringContent("Quyết định"), "documentType" },
            { new StringContent("Ban hành Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh"), "subject" },
            { new StringContent("Ủy ban nhân dân tỉnh"), "issuingBody" },
            { new StringContent("Lê Quang Hùng"), "signerName" },
            { new StringContent(DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd")), "signedDate" },
            { new StringContent("Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý cụm công nghiệp."), "text" },
        }, HttpStatusCode.Created);

        var editor = await _platform.SignInAsync("congbao", "/staff/cong-bao");
        await editor.GetByLabel($"Chọn {numberAndCode}").CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lập số công báo từ các văn bản đã chọn" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync("Đã lập dự thảo công báo với 1 văn bản.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Phát hành" }).First.ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã phát hành công báo");
        await Assertions.Expect(editor.GetByRole(AriaRole.Row).Filter(new() { HasText = numberAndCode })).ToContainTextAsync("Đã đăng công báo");
        await Chromium.ScreenshotAsync(editor, "staff-gazette-issue-published");
    }

    [Test]
    public async Task A_portal_editor_writes_an_article_in_the_console_publishes_it_and_it_shows_on_the_home_page()
    {
        var title = "Khánh thành cầu Sông Hồng mới " + Guid.NewGuid().ToString("N")[..4];
        var editor = await _platform.SignInAsync("bientap", "/staff/tin-tuc");
        await editor.GetByLabel("Tên chuyên mục").FillAsync("Tin địa phương " + Guid.NewGuid().ToString("N")[..4]);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Thêm chuyên mục" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Đã thêm chuyên mục");

        await editor.GetByRole(AriaRole.Link, new() { Name = "Viết bài mới" }).ClickAsync();
        await editor.GetByLabel("Tiêu đề").FillAsync(title);
        await editor.GetByLabel("Tóm tắt").FillAsync("Cây cầu rút ngắn 15 km đường đi giữa hai huyện.");
        await editor.GetByLabel("Nội dung").FillAsync("Sáng nay, tỉnh tổ chức lễ khánh thành cầu.\n\nCầu dài 1,2 km, bốn làn xe.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Lưu dự thảo" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Đã lưu dự thảo “{title}”.");

        await editor.GetByRole(AriaRole.Button, new() { Name = $"Gửi duyệt: {title}" }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = $"Xuất bản: {title}" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Row).Filter(new() { HasText = title })).ToContainTextAsync("Đã xuất bản");
        await Chromium.ScreenshotAsync(editor, "staff-editor-article-published");

        await editor.GotoAsync("/");
        await Assertions.Expect(editor.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
    }

    private async Task<Guid> RegisterAsAdministratorAsync(string subject, string secrecy)
    {
        var created = await ApiAsync(HttpMethod.Post, "/api/documents/incoming", "quantri", JsonContent.Create(new
        {
            issuingBody = "Bộ Chỉ huy Quân sự tỉnh", numberAndCode = $"{Random.Shared.Next(10, 999)}/KH-BCH", documentDate = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"),
            documentType = "Kế hoạch", subject, urgency = "Normal", secrecy, pageCount = 3,
        }), HttpStatusCode.Created);
        return created.GetProperty("id").GetGuid();
    }

    /// <summary>Calls an API through the gateway as a realm user, as a script or another screen would.</summary>
    private async Task<JsonElement> ApiAsync(HttpMethod method, string path, string username, HttpContent? content = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _platform.Tokens.PasswordAsync(username));
        using var response = await _platform.Gateway.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), $"{method} {path}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Reloads until the locator shows: what arrives by event (tasks, the search index) takes a moment.</summary>
    private static async Task ReloadUntilAsync(IPage page, ILocator locator)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await locator.CountAsync() == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }
        await Assertions.Expect(locator).ToBeVisibleAsync();
    }

    // A one-page PDF: the Documents service checks a file's first bytes, not its name.
    private static byte[] MinimalPdf() => System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
