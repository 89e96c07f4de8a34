"""Locale profiles: YAML files with inheritance, validated, merged and frozen."""
from .loader import Profile, available_profiles, load_profile, normalise_tag

__all__ = ["Profile", "available_profiles", "load_profile", "normalise_tag"]
