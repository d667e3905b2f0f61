package cn.jiandu.system;

import cn.jiandu.common.AcceptedDates;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * A date Jiandu can work with: from 2020 to 2199, the years jd_case_number has counters for (V1), so
 * no case, inspection or report can lie outside them. Anything else is a typing mistake or an attack;
 * far-off dates made the report periods overflow (year -999999999) or come out in local mean time
 * (year 1), answered with a 500 before they were refused here.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SaneDate.Check.class)
public @interface SaneDate {

    LocalDate EARLIEST = AcceptedDates.EARLIEST;
    LocalDate LATEST = AcceptedDates.LATEST;
    /** How a message states the range. */
    String RANGE = AcceptedDates.RANGE;

    String message() default "日期须在 " + RANGE + " 之间";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The check, also for dates that arrive as process variables rather than request parameters. */
    final class Check implements ConstraintValidator<SaneDate, LocalDate> {

        public static boolean accepts(LocalDate date) {
            return AcceptedDates.accepts(date);
        }

        @Override
        public boolean isValid(LocalDate date, ConstraintValidatorContext context) {
            return date == null || accepts(date);
        }
    }
}
