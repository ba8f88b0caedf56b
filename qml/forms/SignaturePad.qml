import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Poruch.Backend
import "../components"

// signature fields: the signer draws with a finger; "Save signature" stores the drawing as a base64
// PNG with the signer's name and the moment. A saved signature shows as an image.
ColumnLayout {
    id: root

    property var field
    property FormController controller
    property bool readOnly: false
    readonly property var value: controller ? controller.value(field.key, controller.revision) : undefined
    readonly property bool signed: !!(value && value.png)
    property bool drawn: false

    function strokeCount() { return canvas.strokes.length }

    spacing: 6

    Image {
        visible: root.signed
        source: root.signed ? "data:image/png;base64," + root.value.png : ""
        fillMode: Image.PreserveAspectFit
        Layout.preferredHeight: 120
        Layout.preferredWidth: 360
    }
    Label {
        visible: root.signed
        text: qsTr("Signed by %1").arg(root.value && root.value.signer ? root.value.signer : "—")
        font.pixelSize: 14
        opacity: 0.8
    }
    Rectangle {
        visible: !root.signed && !root.readOnly
        Layout.fillWidth: true
        Layout.preferredHeight: 180
        color: "white"
        border.color: "#90a4ae"
        radius: 4

        Canvas {
            id: canvas
            objectName: "canvas"
            property var strokes: []
            property var current: []
            anchors.fill: parent
            onPaint: {
                const ctx = getContext("2d")
                ctx.fillStyle = "white"
                ctx.fillRect(0, 0, width, height)
                ctx.strokeStyle = "#0d2a4a"
                ctx.lineWidth = 3
                ctx.lineCap = "round"
                const all = strokes.concat([current])
                for (const stroke of all) {
                    if (stroke.length < 1)
                        continue
                    ctx.beginPath()
                    ctx.moveTo(stroke[0].x, stroke[0].y)
                    for (let i = 1; i < stroke.length; ++i)
                        ctx.lineTo(stroke[i].x, stroke[i].y)
                    if (stroke.length === 1)
                        ctx.lineTo(stroke[0].x + 1, stroke[0].y + 1)
                    ctx.stroke()
                }
            }
            MouseArea {
                anchors.fill: parent
                preventStealing: true
                onPressed: mouse => { canvas.current = [{ x: mouse.x, y: mouse.y }]; canvas.requestPaint() }
                onPositionChanged: mouse => {
                    canvas.current.push({ x: mouse.x, y: mouse.y })
                    canvas.requestPaint()
                }
                onReleased: {
                    canvas.strokes = canvas.strokes.concat([canvas.current])
                    canvas.current = []
                    root.drawn = true
                    canvas.requestPaint()
                }
            }
        }
        Label {
            anchors.centerIn: parent
            visible: !root.drawn
            text: qsTr("Sign here with a finger")
            opacity: 0.4
            font.pixelSize: 18
        }
    }
    RowLayout {
        visible: !root.readOnly
        spacing: 8
        Layout.fillWidth: true
        TextField {
            id: signer
            visible: !root.signed
            placeholderText: qsTr("Name of the signer")
            implicitHeight: 56
            inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
            Layout.fillWidth: true
        }
        AppButton {
            objectName: "saveSignature"
            visible: !root.signed
            enabled: root.drawn
            text: qsTr("Save signature")
            implicitHeight: 56
            onClicked: {
                const url = canvas.toDataURL("image/png")
                const comma = url.indexOf(",")
                root.controller.setSignature(root.field.key, url.substring(comma + 1), signer.text)
            }
        }
        AppButton {
            text: root.signed ? qsTr("Sign again") : qsTr("Clear")
            flat: true
            implicitHeight: 56
            onClicked: {
                if (root.signed)
                    root.controller.setSignature(root.field.key, "", "")
                canvas.strokes = []
                canvas.current = []
                root.drawn = false
                canvas.requestPaint()
            }
        }
    }
}
