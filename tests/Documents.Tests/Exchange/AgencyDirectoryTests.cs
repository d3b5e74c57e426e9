using Microsoft.Extensions.Configuration;
using Platform.Documents.Exchange;
using Platform.ServiceDefaults.Errors;

namespace Platform.Documents.Tests.Exchange;

public sealed class AgencyDirectoryTests
{
    private static ExchangeOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return configuration.GetSection(ExchangeOptions.Section).Get<ExchangeOptions>() ?? new ExchangeOptions();
    }

    [TestCase("000.00.01.H56", true)]
    [TestCase("000.00.00.G12", true)]
    [TestCase("123.45.67.A89", true)]
    [TestCase("000.00.01.h56", false)]
    [TestCase("000.00.1.H56", false)]
    [TestCase("000.00.01.H5", false)]
    [TestCase("000.00.01H56", false)]
    [TestCase(" 000.00.01.H56", false)]
    [TestCase("٠٠٠.00.01.H56", false)]
    [TestCase("", false)]
    [TestCase(null, false)]
    public void Agency_codes_have_the_000_00_01_H56_shape(string? code, bool valid) =>
        Assert.That(AgencyCode.IsValid(code), Is.EqualTo(valid));

    [Test]
    public void Without_configuration_the_directory_holds_the_sample_agencies()
    {
        var directory = new AgencyDirectory(new ExchangeOptions());
        Assert.Multiple(() =>
        {
            Assert.That(directory.Self.Name, Is.EqualTo("Văn phòng Ủy ban nhân dân tỉnh"));
            Assert.That(directory.All.Select(a => a.Name), Has.Some.StartsWith("Sở "));
            Assert.That(directory.All.Select(a => a.Name), Has.Some.StartsWith("Ủy ban nhân dân huyện"));
            Assert.That(directory.All.Select(a => a.Name), Has.Some.StartsWith("Bộ "));
            Assert.That(directory.All.Select(a => a.Code), Is.All.Matches<string>(AgencyCode.IsValid));
        });
    }

    [Test]
    public void Agencies_come_from_the_configuration_section_with_their_endpoints()
    {
        var directory = new AgencyDirectory(Bind(new()
        {
            ["Documents:Exchange:SelfCode"] = "000.00.01.H56",
            ["Documents:Exchange:Agencies:0:Code"] = "000.00.01.H56",
            ["Documents:Exchange:Agencies:0:Name"] = "Văn phòng UBND tỉnh",
            ["Documents:Exchange:Agencies:0:OrganizationInCharge"] = "UBND tỉnh",
            ["Documents:Exchange:Agencies:1:Code"] = "000.00.03.H56",
            ["Documents:Exchange:Agencies:1:Name"] = "Sở Tài chính",
            ["Documents:Exchange:Agencies:1:OrganizationInCharge"] = "UBND tỉnh",
            ["Documents:Exchange:Agencies:1:Endpoint"] = "https://stc.example.vn/api/documents/exchange",
        }));
        Assert.Multiple(() =>
        {
            Assert.That(directory.All, Has.Count.EqualTo(2), "configured agencies replace the samples");
            Assert.That(directory.Get("000.00.03.H56").Endpoint, Is.EqualTo(new Uri("https://stc.example.vn/api/documents/exchange")));
            Assert.That(directory.Get("000.00.01.H56").Endpoint, Is.Null);
            Assert.That(directory.Get("000.00.03.H56").ToOrganization(), Is.EqualTo(new Organization("000.00.03.H56", "UBND tỉnh", "Sở Tài chính")));
        });
    }

    [Test]
    public void An_unknown_agency_is_a_404_in_vietnamese()
    {
        var error = Assert.Throws<DomainRuleException>(() => new AgencyDirectory(new ExchangeOptions()).Get("999.99.99.Z99"));
        Assert.That(error!.StatusCode, Is.EqualTo(404));
        Assert.That(error.Message, Does.Contain("không có trong danh bạ"));
    }

    [Test]
    public void A_bad_configuration_names_every_problem_at_start_up()
    {
        var options = new ExchangeOptions
        {
            SelfCode = "000.00.09.H56",
            Agencies =
            [
                new() { Code = "00.01.H56", Name = "Sở A" },
                new() { Code = "000.00.03.H56", Name = "" },
                new() { Code = "000.00.04.H56", Name = "Sở B", Endpoint = "ftp://b" },
                new() { Code = "000.00.04.H56", Name = "Sở B lần hai" },
            ],
        };
        var error = Assert.Throws<InvalidOperationException>(() => new AgencyDirectory(options));
        Assert.That(error!.Message, Does.Contain("00.01.H56").And.Contain("chưa có tên").And.Contain("ftp://b")
            .And.Contain("khai báo hai lần").And.Contain("000.00.09.H56"));
    }
}
