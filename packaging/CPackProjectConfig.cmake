# Read by cpack before it builds each package (CPACK_PROJECT_CONFIG_FILE). The packages' descriptions
# (CPACK_DEBIAN_<COMPONENT>_DESCRIPTION) carry their own synopsis lines, so the project's one-line summary
# must not be put in front of them.
unset(CPACK_PACKAGE_DESCRIPTION_SUMMARY)
