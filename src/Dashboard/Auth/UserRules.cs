using SmartPark.Contracts.Topics;

namespace SmartPark.Dashboard.Auth;

/// <summary>
/// What makes a user well-formed, wherever users come from (the users file, the park database,
/// the admin page): a known role; parks as park ids, none for officials; a
/// district for a district official and a city for a city official, as jurisdiction ids. A user
/// who breaks them is refused, never loaded with a guess at what they may see.
/// </summary>
public static class UserRules
{
    /// <summary>Null when the user is well-formed; else why not (English, for logs and the admin API).</summary>
    public static string? Problem(DashboardUser user)
    {
        if (string.IsNullOrWhiteSpace(user.Name) || user.Name.Length > 64 || user.Name.Any(char.IsControl))
            return "the name must be 1 to 64 characters without control characters";
        if (!DashboardRoles.All.Contains(user.Role))
            return $"the role must be one of {string.Join(", ", DashboardRoles.All)}";
        if (user.Parks.Any(p => !Ids.IsValid(p)))
            return "parks must be park ids";
        if (user.Parks.Count > 0 && user.Role is DashboardRoles.District or DashboardRoles.City)
            return "a district or city official sees what their district or city holds";
        if (user.Role == DashboardRoles.District && !Ids.IsValid(user.District))
            return "a district official needs a district (a jurisdiction id such as baiyun)";
        if (user.Role == DashboardRoles.City && !Ids.IsValid(user.City))
            return "a city official needs a city (such as guangzhou)";
        if (user.District is not null && user.Role != DashboardRoles.District)
            return "only a district official has a district";
        if (user.City is not null && user.Role != DashboardRoles.City)
            return "only a city official has a city";
        return null;
    }
}
