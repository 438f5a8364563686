package org.lumbung.reports.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.lumbung.reports.FinancialStatements;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OpenAPI description of a statement's period, which the controller reads itself from the query (strictly, see
 * {@link QueryParameters}): from, to and currency, each optional. Springdoc finds these through the annotation.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = "from", in = ParameterIn.QUERY, description = "Default: the start of the fiscal year of 'to'; at most "
        + FinancialStatements.MAX_PERIOD_DAYS + " days up to 'to'", schema = @Schema(type = "string", format = "date"))
@Parameter(name = "to", in = ParameterIn.QUERY, description = "Default: today", schema = @Schema(type = "string", format = "date"))
@Parameter(name = "currency", in = ParameterIn.QUERY, description = "ISO 4217; default the base currency",
        schema = @Schema(type = "string"))
@interface PeriodParameters {
}
