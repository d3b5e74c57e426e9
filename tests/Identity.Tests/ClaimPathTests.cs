using System.Text.Json.Nodes;
using Platform.Identity.Tokens;

namespace Platform.Identity.Tests;

public sealed class ClaimPathTests
{
    [Test]
    public void A_dotted_claim_name_nests_objects_and_an_escaped_dot_does_not()
    {
        var claims = new JsonObject();

        ClaimPath.Set(claims, "realm_access.roles", new JsonArray("clerk"));
        ClaimPath.Set(claims, @"org\.unit", JsonValue.Create("VP"));

        Assert.That(claims.ToJsonString(), Is.EqualTo("""{"realm_access":{"roles":["clerk"]},"org.unit":"VP"}"""));
    }

    [Test]
    public void Two_mappers_on_the_same_multivalued_claim_add_up_without_repeats()
    {
        var claims = new JsonObject();

        ClaimPath.Set(claims, "realm_access.roles", new JsonArray("clerk", "leader"));
        ClaimPath.Set(claims, "realm_access.roles", new JsonArray("leader", "administrator"));

        Assert.That(claims["realm_access"]!["roles"]!.ToJsonString(), Is.EqualTo("""["clerk","leader","administrator"]"""));
    }

    [TestCase("true", "boolean", "true")]
    [TestCase("42", "long", "42")]
    [TestCase("VP", "String", "\"VP\"")]
    [TestCase("""{"a":1}""", "JSON", """{"a":1}""")]
    public void Json_type_labels_choose_the_claims_json_type(string raw, string label, string json) =>
        Assert.That(ClaimPath.Convert(raw, label)!.ToJsonString(), Is.EqualTo(json));
}
