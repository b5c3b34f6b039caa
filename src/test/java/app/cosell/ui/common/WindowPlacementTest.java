package app.cosell.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private final Rectangle2D screen = new Rectangle2D(0, 0, 1920, 1040);

    @Test
    void eachFurtherWindowOfAKindOpensFurtherRightAndDown() {
        double[] first = WindowPlacement.cascade(null, screen, 0, 680, 780);
        double[] second = WindowPlacement.cascade(null, screen, 1, 680, 780);
        double[] third = WindowPlacement.cascade(null, screen, 2, 680, 780);
        assertThat(second[0] - first[0]).isEqualTo(WindowPlacement.CASCADE_STEP);
        assertThat(second[1] - first[1]).isEqualTo(WindowPlacement.CASCADE_STEP);
        assertThat(third[0] - second[0]).isEqualTo(WindowPlacement.CASCADE_STEP);
    }

    @Test
    void theCascadeStartsOverRatherThanLeaveTheScreen() {
        Rectangle2D small = new Rectangle2D(0, 0, 960, 640);
        for (int i = 0; i < 40; i++) {
            double[] at = WindowPlacement.cascade(null, small, i, 680, 600);
            assertThat(at[0]).isGreaterThanOrEqualTo(0);
            assertThat(at[1]).isGreaterThanOrEqualTo(0);
            assertThat(at[0] + 680).isLessThanOrEqualTo(960);
            assertThat(at[1] + 600).isLessThanOrEqualTo(640);
        }
    }
}
