namespace SmartPark.BureauPlatform;

/// <summary>A command for a field unit, sent by the platform (<c>POST /api/points/{mn}/commands</c>).</summary>
public sealed record CommandRequest(string Cn, string? Cp);

/// <summary>What the field unit answered within the wait: the frames with the command's QN.</summary>
public sealed record CommandResult(string Sent, string Qn, IReadOnlyList<string> Answers, bool Completed);
