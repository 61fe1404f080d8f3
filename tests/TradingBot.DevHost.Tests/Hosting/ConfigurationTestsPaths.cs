using TradingBot.DevHost.Configuration;
using TradingBot.Testing;

namespace TradingBot.DevHost.Tests.Hosting;

/// <summary>Where the built Functions app is (next to this test project's output) and the settings of the repository's example file.</summary>
internal static class ConfigurationTestsPaths
{
    public static string AppFolder => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "TradingBot.Functions",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Name));

    public static AppSettings Settings(params (string Key, string Value)[] extra) =>
        AppSettings.Load(Path.Combine(RepositoryPaths.Root, "no-such-local.settings.json"), [], new Dictionary<string, string>())
            .With(extra.Select(e => KeyValuePair.Create(e.Key, e.Value)));
}
