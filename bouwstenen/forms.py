"""Forms: validation only, with a crispy FormHelper; views pass cleaned_data on."""
