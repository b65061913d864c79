def find_register(path, settings, settings_path):
    return None
