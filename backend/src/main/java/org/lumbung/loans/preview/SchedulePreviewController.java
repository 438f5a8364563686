package org.lumbung.loans.preview;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.lumbung.loans.LoanAbility;
import org.lumbung.loans.schedule.ScheduleCalculator;
import org.lumbung.platform.DomainException;
import org.lumbung.platform.i18n.Messages;
import org.lumbung.platform.web.Problems;
import org.lumbung.security.AccessPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/**
 * A loan's schedule before the loan exists, for a client's loan calculator; the UI's preview and the loans use
 * the same {@link ScheduleCalculator}. Any signed-in staff member may ask (members may not: the preview is a
 * staff tool). Every bad parameter is a 400 problem with {@code parameter} naming it.
 */
@RestController
@Tag(name = "Loans", description = "Loan schedules")
public class SchedulePreviewController {

    private final AccessPolicy access;

    public SchedulePreviewController(AccessPolicy access) {
        this.access = access;
    }

    @Operation(summary = "Preview a loan's repayment schedule",
            description = "Computes the schedule of a loan with the given terms, exactly as a loan with these terms "
                    + "would be booked. Amounts are decimal strings at the currency's minor units. A bad, unknown or "
                    + "repeated parameter is a 400 problem whose `parameter` names it.")
    @Parameter(name = "principal", in = ParameterIn.QUERY, required = true, description = "The amount lent, e.g. 10000000",
            schema = @Schema(type = "string"))
    @Parameter(name = "currency", in = ParameterIn.QUERY, required = true, description = "ISO 4217 code, e.g. IDR",
            schema = @Schema(type = "string"))
    @Parameter(name = "interestMethod", in = ParameterIn.QUERY, required = true,
            schema = @Schema(type = "string", allowableValues = {"FLAT", "DECLINING_ANNUITY", "DECLINING_EQUAL_PRINCIPAL"}))
    @Parameter(name = "rate", in = ParameterIn.QUERY, required = true, description = "A percentage, e.g. 1.5",
            schema = @Schema(type = "string"))
    @Parameter(name = "ratePeriod", in = ParameterIn.QUERY, required = true,
            schema = @Schema(type = "string", allowableValues = {"MONTH", "YEAR"}))
    @Parameter(name = "instalments", in = ParameterIn.QUERY, required = true, description = "1 to 520",
            schema = @Schema(type = "integer"))
    @Parameter(name = "frequency", in = ParameterIn.QUERY, required = true,
            schema = @Schema(type = "string", allowableValues = {"WEEKLY", "FORTNIGHTLY", "MONTHLY"}))
    @Parameter(name = "firstDueDate", in = ParameterIn.QUERY, required = true, description = "ISO date",
            schema = @Schema(type = "string", format = "date"))
    @Parameter(name = "graceInstalments", in = ParameterIn.QUERY,
            description = "The first instalments that repay no principal (interest only); default 0",
            schema = @Schema(type = "integer"))
    @Parameter(name = "interestGraceInstalments", in = ParameterIn.QUERY,
            description = "The first instalments that collect no interest (collected with the next one); default 0",
            schema = @Schema(type = "integer"))
    @Parameter(name = "dayCount", in = ParameterIn.QUERY, description = "Default THIRTY_360",
            schema = @Schema(type = "string", allowableValues = {"THIRTY_360", "ACTUAL_365", "ACTUAL_360"}))
    @Parameter(name = "instalmentRounding", in = ParameterIn.QUERY,
            description = "The multiple an instalment is rounded to, e.g. 1 or 0.01; default the currency's cash unit; "
                    + "the remainder goes to the last instalment", schema = @Schema(type = "string"))
    @Parameter(name = "disbursementDate", in = ParameterIn.QUERY,
            description = "ISO date; default one period before firstDueDate", schema = @Schema(type = "string", format = "date"))
    @GetMapping("/api/v1/loan-schedule-preview")
    public SchedulePreview preview(HttpServletRequest request) {
        requireStaff();
        return SchedulePreview.of(ScheduleCalculator.schedule(new PreviewParameters(request.getParameterMap()).terms()));
    }

    /** The office and the auditors, who read loans; neither a member nor a federation, which reads only statements. */
    private void requireStaff() {
        access.requireUser();
        if (!access.may(LoanAbility.READ_LOANS)) {
            throw DomainException.forbidden("access.denied");
        }
    }

    @ExceptionHandler(PreviewParameterException.class)
    ResponseEntity<ProblemDetail> badParameter(PreviewParameterException e, Locale locale) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.messageKey(), Messages.supported(locale),
                e.arguments());
        problem.setProperty("parameter", e.parameter());
        return ResponseEntity.badRequest().contentType(MediaType.valueOf(Problems.MEDIA_TYPE)).body(problem);
    }
}
