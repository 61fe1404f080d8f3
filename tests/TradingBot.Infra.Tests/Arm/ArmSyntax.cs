using System.Text.Json.Nodes;

namespace TradingBot.Infra.Tests.Arm;

/// <summary>A node of an ARM template language expression (the text between <c>[</c> and <c>]</c>).</summary>
internal abstract record ArmSyntax;

/// <summary>A string or integer literal.</summary>
internal sealed record ArmLiteral(JsonNode? Value) : ArmSyntax;

/// <summary><c>name(arg, ...)</c>.</summary>
internal sealed record ArmCall(string Name, IReadOnlyList<ArmSyntax> Arguments) : ArmSyntax;

/// <summary><c>target.name</c>.</summary>
internal sealed record ArmMember(ArmSyntax Target, string Name) : ArmSyntax;

/// <summary><c>target[index]</c>.</summary>
internal sealed record ArmIndex(ArmSyntax Target, ArmSyntax Index) : ArmSyntax;
