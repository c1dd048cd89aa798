"""What partners read besides JSON: CSV with HXL hashtags, iCalendar and vCard."""
