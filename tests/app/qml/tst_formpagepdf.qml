import QtQuick
import QtTest
import Poruch.Backend
import Poruch.Ui

// FormPage's PDF button over the demo store: the page shows where the encrypted file is, its one-time
// password (the one the controller used) and the note to share the password by another channel; a second
// export shows a new password.
TestCase {
    id: testCase
    name: "FormPagePdf"
    when: windowShown
    width: 1280
    height: 800

    Component {
        id: pageComponent
        FormPage {
            width: testCase.width
            height: testCase.height
        }
    }

    readonly property Item stage: testCase.parent ? testCase.parent : testCase

    function findByName(item, name) {
        if (!item)
            return null
        if (item.objectName === name)
            return item
        const kids = item.children || []
        for (let i = 0; i < kids.length; ++i) {
            const found = findByName(kids[i], name)
            if (found)
                return found
        }
        return null
    }

    function test_exportShowsOneTimePassword() {
        const page = createTemporaryObject(pageComponent, testCase.stage, { recordId: AppSession.demoRecordId })
        verify(page)
        waitForRendering(page)
        const box = findByName(page, "pdfExported")
        const button = findByName(page, "exportPdf")
        verify(box && button)
        verify(!box.visible)

        mouseClick(button)
        tryVerify(() => box.visible)
        verify(page.exportedPath.endsWith(".pdf"))
        verify(/^[2-9a-hjkmnp-z]{12}$/.test(page.exportedPassword), page.exportedPassword)
        const password = findByName(page, "pdfPassword")
        verify(password.visible)
        verify(password.text.endsWith(page.exportedPassword), password.text)

        const first = page.exportedPassword
        mouseClick(button)
        tryVerify(() => page.exportedPassword !== first)
        verify(password.text.endsWith(page.exportedPassword))
    }
}
