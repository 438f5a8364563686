package org.lumbung.members;

/** The sector a member worked in abroad, as the district reports on returned migrant workers. */
public enum MigrationSector {
    DOMESTIC_WORK, CARE, PLANTATION, MANUFACTURING, CONSTRUCTION, FISHING, HOSPITALITY, OTHER
}
