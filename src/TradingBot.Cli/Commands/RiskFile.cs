using System.Text.Json;
using Microsoft.Extensions.Configuration;
using TradingBot.Core.Risk;
using TradingBot.Storage.Config;

namespace TradingBot.Cli.Commands;

/// <summary>
/// Reads risk settings with the configuration binder, exactly as a live host binds its <c>Risk</c> section: the
/// file starts from <see cref="RiskOptions.LiveDefaults"/>, a key set to <c>null</c> turns that limit off, an unknown
/// key is an error, and each <c>Strategies:&lt;name&gt;</c> section inherits every key it does not set from
/// <c>Strategy</c>. The file is either the section itself or a settings file with a top-level <c>Risk</c> section.
/// </summary>
internal static class RiskFile
{
    public static RiskOptions Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new UsageException($"--risk: file '{path}' does not exist (or use --risk live-defaults).");
        }

        try
        {
            var root = new ConfigurationBuilder().AddJsonFile(full, optional: false, reloadOnChange: false).Build();
            var section = root.GetSection(RiskOptions.Section);
            return RiskConfiguration.Bind(section.Exists() ? section : root, RiskOptions.LiveDefaults);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or InvalidDataException or JsonException)
        {
            throw new UsageException($"--risk: {path}: {Flatten(ex)}", ex);
        }
    }

    private static string Flatten(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message.TrimEnd('.'));
        }

        return string.Join(": ", messages.Distinct()) + ".";
    }
}
