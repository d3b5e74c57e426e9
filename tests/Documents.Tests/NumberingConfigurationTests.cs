using Microsoft.AspNetCore.Hosting;
using Platform.TestSupport;

namespace Platform.Documents.Tests;

[TestFixtureSource(typeof(DatabaseKinds), nameof(DatabaseKinds.All))]
public sealed class NumberingConfigurationTests(DatabaseKind database)
{
    [Test]
    public async Task With_one_series_per_type_configured_each_administrative_type_counts_from_one()
    {
        using var baseFactory = new DocumentsFactory(database);
        using var factory = baseFactory.WithWebHostBuilder(b => b
            .UseSetting("Documents:Numbering:AdministrativeSeries", "PerType")
            .UseSetting("Documents:Numbering:BodyCode", "VP"));
        using var flow = new OutgoingDriver(factory);
        var plan = await flow.IssuedAsync(OutgoingDriver.Draft("Kế hoạch"));
        var letter = await flow.IssuedAsync(OutgoingDriver.Draft("Công văn"));
        var secondPlan = await flow.IssuedAsync(OutgoingDriver.Draft("Kế hoạch"));
        Assert.Multiple(() =>
        {
            Assert.That(plan.NumberAndCode, Is.EqualTo("01/KH-VP"));
            Assert.That(letter.NumberAndCode, Is.EqualTo("01/VP-KT"));
            Assert.That(secondPlan.NumberAndCode, Is.EqualTo("02/KH-VP"));
        });
    }
}
