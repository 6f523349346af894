namespace SmartPark.Ingest.Notifications.Email;

public static class EmailRegistration
{
    /// <summary>
    /// Email to the people on duty, from section <c>Notifications:Email</c>: health <c>email-smtp</c>,
    /// metrics <c>smartpark.ingest.email.*</c>, outbox <c>email-outbox.db</c>. Without a <c>Host</c>
    /// it is off and nothing touches the disk.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<EmailContent>();
        services.AddSingleton<EmailSender>();
        return services.AddAlertSink<EmailSink, EmailOptions>(configuration, EmailOptions.SectionName, EmailSink.Name, EmailSink.HealthCheckName);
    }
}
