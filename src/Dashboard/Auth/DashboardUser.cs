namespace SmartPark.Dashboard.Auth;

/// <summary>One person who may sign in, as the users file lists them.</summary>
public sealed record DashboardUser
{
    public required string Name { get; init; }

    /// <summary>One of <see cref="DashboardRoles.All"/>.</summary>
    public required string Role { get; init; }

    /// <summary>The parks an operator or bureau officer may see; ignored for admins.</summary>
    public IReadOnlyList<string> Parks { get; init; } = [];

    /// <summary>The district a district official supervises (a jurisdiction id such as <c>baiyun</c>).</summary>
    public string? District { get; init; }

    /// <summary>The city a city official supervises (<c>guangzhou</c>).</summary>
    public string? City { get; init; }

    /// <summary>ASP.NET Core Identity's <c>PasswordHasher</c> format (PBKDF2, salted, versioned).</summary>
    public required string PasswordHash { get; init; }

    /// <summary>Shown in the page header and put on acknowledgements; defaults to <see cref="Name"/>.</summary>
    public string? DisplayName { get; init; }
}

/// <summary>The users file: <c>{"users":[…]}</c>.</summary>
public sealed record UsersFile
{
    public IReadOnlyList<DashboardUser> Users { get; init; } = [];
}
