import QtQuick
import QtTest
import Poruch.Ui

TestCase {
    id: testCase
    name: "Components"
    when: windowShown
    width: 800
    height: 600

    Component {
        id: emptyStateComponent
        EmptyState {
            width: 400
        }
    }
    Component {
        id: chipComponent
        ServerStatusChip {}
    }

    function test_emptyStateShowsHeadlineAndHint() {
        const item = createTemporaryObject(emptyStateComponent, testCase,
                                           { headline: "Нічого", hint: "Підказка" })
        verify(item)
        const texts = []
        for (let i = 0; i < item.children.length; ++i)
            texts.push(item.children[i].text)
        compare(texts, ["Нічого", "Підказка"])
        verify(item.implicitHeight > 0)
    }

    function test_chipSaysNoServerWhenNoneIsSet() {
        const chip = createTemporaryObject(chipComponent, testCase)
        verify(chip)
        compare(chip.label, "No server set")
        verify(chip.implicitHeight >= 48, "touch target at least 48 px")
    }
}
