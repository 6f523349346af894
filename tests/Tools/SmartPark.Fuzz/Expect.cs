namespace SmartPark.Fuzz;

/// <summary>The properties' assertions: each failure throws <see cref="PropertyViolation"/> naming what broke.</summary>
public static class Expect
{
    public static void That(bool condition, string whatShouldHold)
    {
        if (!condition)
            throw new PropertyViolation(whatShouldHold);
    }

    /// <summary>
    /// Runs <paramref name="parse"/>; an exception is allowed only when it is one of the documented
    /// types and says something (a reason an operator can read). Returns the allowed exception, or null.
    /// </summary>
    public static Exception? OnlyThrows(Action parse, params Type[] documented)
    {
        try
        {
            parse();
            return null;
        }
        catch (PropertyViolation)
        {
            throw;
        }
        catch (Exception ex) when (documented.Any(t => t.IsInstanceOfType(ex)))
        {
            That(!string.IsNullOrWhiteSpace(ex.Message), $"{ex.GetType().Name} without a message");
            return ex;
        }
        catch (Exception ex)
        {
            throw new PropertyViolation(
                $"threw {ex.GetType().FullName} (documented: {string.Join(", ", documented.Select(t => t.Name))}): {ex.Message}{Environment.NewLine}{ex.StackTrace}");
        }
    }

    /// <summary>Runs <paramref name="parse"/>, which is documented never to throw.</summary>
    public static T NeverThrows<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception ex) when (ex is not PropertyViolation)
        {
            throw new PropertyViolation($"threw {ex.GetType().FullName}: {ex.Message}{Environment.NewLine}{ex.StackTrace}");
        }
    }
}
