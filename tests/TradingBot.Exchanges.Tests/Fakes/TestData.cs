namespace TradingBot.Exchanges.Tests.Fakes;

/// <summary>Recorded-shape venue payloads under <c>TestData/&lt;venue&gt;/</c> (copied next to the test assembly).</summary>
internal static class TestData
{
    public static string Read(string venue, string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", venue, name + ".json"));
}
